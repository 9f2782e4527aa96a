"""What Python's scoping rules say about a module's names, read from its syntax tree: which
nodes open a scope, which names a scope binds, which statements only define a name, and which
definitions a program never uses. sitebuild/one_module.py joins modules by these rules.
"""
import ast


def scopes(node):
    """The nodes under node that open a scope of their own (functions, lambdas, classes and
    comprehensions), outermost first, without going into them."""
    found = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef,
                              ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            found.append(child)
        else:
            found.extend(scopes(child))
    return found


def with_docstrings(tree):
    """The nodes of tree (module, classes, functions) whose body opens with a docstring."""
    return [node for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and ast.get_docstring(node, clean=False) is not None]


def loaded_here(node):
    """The Name nodes node reads itself, not those inside the scopes it opens (a comprehension's
    loop name, a lambda's parameter): what runs when node runs."""
    found, pending = [], [node]
    while pending:
        child = pending.pop()
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load):
            found.append(child)
        pending.extend(grandchild for grandchild in ast.iter_child_nodes(child) if grandchild not in scopes(child))
    return found


def parameters(node):
    """A function's or a lambda's parameter names (none for other scopes)."""
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return set()
    arguments = node.args
    listed = arguments.posonlyargs + arguments.args + arguments.kwonlyargs + [arguments.vararg, arguments.kwarg]
    return {argument.arg for argument in listed if argument is not None}


def bound_here(node):
    """The names a scope binds itself (parameters, assignments, loop targets, `as` names, nested
    definitions), not those of the scopes inside it."""
    names = parameters(node)
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        roots = [generator.target for generator in node.generators]
    elif isinstance(node, ast.Lambda):
        roots = []
    else:
        roots = node.body if isinstance(node.body, list) else [node.body]
    pending = list(roots)
    while pending:
        child = pending.pop()
        if isinstance(child, ast.Name) and isinstance(child.ctx, (ast.Store, ast.Del)):
            names.add(child.id)
        elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(child.name)
            pending.extend(child.decorator_list)
            continue
        elif isinstance(child, ast.ExceptHandler) and child.name:
            names.add(child.name)
        elif isinstance(child, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in child.names)
        if isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        pending.extend(ast.iter_child_nodes(child))
    return names


def module_level(tree):
    """The statements run at module level, with those inside if/try/with/for blocks."""
    found, pending = [], list(tree.body)
    while pending:
        statement = pending.pop(0)
        found.append(statement)
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                pending.extend(getattr(statement, field, None) or [])
    return found


def fixed_names(scope):
    """The names a scope binds that the joining cannot rename: parameters (a caller may pass
    them by keyword), `except ... as` names, nested definitions and imports."""
    names = parameters(scope)
    for node in ast.walk(scope):
        if node is not scope and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def defines(statement):
    """The one name a statement only defines, or None when it may do more: a function, a class
    without decorators, or a name given a value worked out from constants, names and literals
    (no call, so nothing runs)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not statement.decorator_list:
        return statement.name
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
        quiet = (ast.Constant, ast.Name, ast.Load, ast.Tuple, ast.List, ast.Dict, ast.Set, ast.BinOp, ast.UnaryOp,
                 ast.operator, ast.unaryop, ast.JoinedStr, ast.FormattedValue, ast.Lambda, ast.arguments, ast.arg)
        if all(isinstance(node, quiet) for node in ast.walk(statement.value)):
            return statement.targets[0].id
    return None


def used(body):
    """body without the definitions nothing in the program uses (the build's words that the
    phone never shows, say), so the phone downloads only what runs. Everything else is kept:
    a statement that may do more than define a name, and whatever it uses, and what those use."""
    defined = {}
    for index, statement in enumerate(body):
        name = defines(statement)
        if name is not None:
            defined.setdefault(name, []).append(index)
    uses = [{node.id for node in ast.walk(statement) if isinstance(node, ast.Name)} for statement in body]
    live = {index for index, statement in enumerate(body) if defines(statement) is None}
    pending = list(live)
    while pending:
        for name in uses[pending.pop()]:
            for index in defined.get(name, []):
                if index not in live:
                    live.add(index)
                    pending.append(index)
    return [statement for index, statement in enumerate(body) if index in live]
