"""One region's figures as numbers: gaps, targets, trends, scenarios and costs."""
