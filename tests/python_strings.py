"""The string literals of Python source that are not docstrings: what a module could show a
reader. Shared by the checks that the catalogue holds the words (tests/site/
test_emergency_written_once.py, test_macros_keep_no_sentence.py); the docstrings are those the
build strips from what Pyodide ships (sitebuild/python_scopes.with_docstrings)."""
import ast

from sitebuild import python_scopes


def docstring_ids(tree):
    """id() of every docstring's node in the tree (module, class and function docstrings)."""
    return {id(node.body[0].value) for node in python_scopes.with_docstrings(tree)}


def string_nodes(tree, left_alone=frozenset()):
    """The tree's string constants, docstrings and the nodes in left_alone (ids) apart."""
    skipped = docstring_ids(tree) | set(left_alone)
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]
