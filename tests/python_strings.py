"""The string literals of Python source that are not docstrings: what a module could show a
reader. Shared by the checks that the catalogue holds the words (tests/site/
test_emergency_written_once.py, test_macros_keep_no_sentence.py)."""
import ast


def docstring_ids(tree):
    """id() of every docstring's node in the tree (module, class and function docstrings)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def string_nodes(tree, left_alone=frozenset()):
    """The tree's string constants, docstrings and the nodes in left_alone (ids) apart."""
    skipped = docstring_ids(tree) | set(left_alone)
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped]
