from graph_loader.cli import app

app(prog_name="officials-graph")
