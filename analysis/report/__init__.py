"""Reports: notebook set-up, execution, export to offline HTML, the notebooks' .ipynb."""
