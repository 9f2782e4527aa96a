"""The browser's Python as one module, so that the phone loads one file of MicroPython bytecode.

Why: each .mpy file carries its own table of the names it uses and its own import code, so the
engine split by job (issue 24: 34 modules, each small and named for what it holds) cost the phone
9.7 KB more to download than the same code in 11 modules did (42.9 against 33.3 KB gzip), and
an import per module. Written as one module, the same code is 35 KB, and one import. The source
stays split by job; only what ships is joined, at build time.

How: flatten() puts the modules' bodies one after another, in an order where each module comes
after those it imports, and gives every module-level name one name in the joined module: its own
name, or, where two modules define the same name (the engine's `next_step` and the words'
`next_step`), the name with its module's in front (`worded__next_step`). Every reference is
rewritten to that name: `limits.kept_limit` and a name imported by `from ... import` become the
name itself, and the import statements of these modules are left out. Imports of anything else
(datetime, json, js, pyscript.ffi) are kept, once each, at the top.

That is only the same program if no name means two things, so the joining refuses, naming the
file and line, any module that:
- binds, inside a function, a class or a comprehension, a name the module uses at module level
  (a parameter called `limits` in a module that imports `limits`): the rewriting could not tell
  the two apart;
- uses an imported module other than as `module.name` (passed as a value, or assigned to);
- imports a module inside a function, or declares a name `global`;
- refers at module level to a name of a module that comes later.
The tests run the engine's whole parity suite on the joined module (tests/engine/
interpreter_parity.py) and the browser tests run the joined glue, so what is checked is what
ships.
"""
import ast
import builtins

from sitebuild import python_scopes

# Names Python itself gives every module: never renamed, and never a module's own name to keep.
BUILTIN = set(dir(builtins))
SEPARATOR = "__"


class NotJoinable(Exception):
    """A module the joining cannot keep the same program: the message names the file and line."""


class _Module:
    """One module of the program: its tree, what it defines, what it imports."""

    def __init__(self, name, path, source):
        self.name, self.path = name, path
        try:
            self.tree = ast.parse(source, filename=path)
        except SyntaxError as error:
            raise NotJoinable("%s:%s: %s" % (path, error.lineno, error.msg)) from None
        self.short = None  # the shortest end of its dotted name no other module's ends with (_order)
        # The names it defines at module level (not in its comprehensions), its imports apart.
        imported = {(alias.asname or alias.name).split(".")[0] for statement in python_scopes.module_level(self.tree)
                    if isinstance(statement, (ast.Import, ast.ImportFrom)) for alias in statement.names}
        self.own = python_scopes.bound_here(self.tree) - imported
        self.module_aliases = {}  # alias -> module name, for `from package import module as alias`
        self.name_aliases = {}  # alias -> (module name, name), for `from module import name as alias`
        self.external = []  # import statements of anything else, kept as they are
        self.imports = []  # the modules it imports, in order

    def fail(self, node, message):
        raise NotJoinable("%s:%s: %s" % (self.path, getattr(node, "lineno", "?"), message))


def _read_imports(module, modules):
    for statement in python_scopes.module_level(module.tree):
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.name in modules:
                    module.module_aliases[alias.asname or alias.name] = alias.name
                    module.imports.append(alias.name)
                elif alias.name.split(".")[0] in modules or any(name.startswith(alias.name + ".") for name in modules):
                    module.fail(statement, "import %s: write `from %s import %s` so the joining can follow it."
                                % (alias.name, *alias.name.rsplit(".", 1)))
            if not any(alias.name in modules for alias in statement.names):
                module.external.append(statement)
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:
                module.fail(statement, "a relative import: write the module's whole name (from stillworried.core ...).")
            internal = False
            for alias in statement.names:
                whole = statement.module + "." + alias.name
                if whole in modules:
                    module.module_aliases[alias.asname or alias.name] = whole
                    module.imports.append(whole)
                    internal = True
                elif statement.module in modules:
                    module.name_aliases[alias.asname or alias.name] = (statement.module, alias.name)
                    module.imports.append(statement.module)
                    internal = True
            if not internal:
                module.external.append(statement)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Global):
            module.fail(node, "`global` is not allowed in the browser's modules: keep the state in an object "
                              "(pyscript/page_state.py).")
    for scope in python_scopes.scopes(module.tree):
        for node in ast.walk(scope):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module.fail(node, "import at module level: the browser's modules are joined into one, "
                                  "and an import inside a function would not be.")


def _order(modules, names):
    """The modules, each after those it imports (a cycle keeps the given order)."""
    ordered, visiting = [], set()

    def visit(name):
        if name in ordered or name in visiting:
            return
        visiting.add(name)
        for imported in modules[name].imports:
            visit(imported)
        ordered.append(name)

    for name in names:
        visit(name)
    return ordered


def _final_names(modules):
    """{(module, name): the name in the joined module} for every module-level name."""
    owners = {}
    for module in modules.values():
        for name in module.own:
            owners.setdefault(name, []).append(module.name)
    external = {}
    for module in modules.values():
        for statement in module.external:
            for alias in statement.names:
                bound = (alias.asname or alias.name).split(".")[0]
                meaning = (getattr(statement, "module", None), alias.name)
                if external.setdefault(bound, meaning) != meaning:
                    module.fail(statement, "%s is imported from two places by the browser's modules: "
                                           "import it under another name here." % bound)
    final = {}
    for module in modules.values():
        for name in module.own:
            shared = len(owners[name]) > 1 or name in BUILTIN or name in external
            final[(module.name, name)] = (module.short + SEPARATOR + name) if shared else name
    if len(set(final.values())) != len(final):
        raise NotJoinable("Two modules' names would be the same in the joined module: give the modules "
                          "different file names.")
    return final


def _resolve(module, modules, final, name, seen=()):
    """The joined name a module-level name of module stands for: its own, or what it imported."""
    if name in module.own:
        return final[(module.name, name)]
    if name in module.name_aliases:
        source, original = module.name_aliases[name]
        if (source, original) in seen:
            module.fail(module.tree, "%s imports itself round a circle." % name)
        target = modules[source]
        if original not in target.own and original not in target.name_aliases and not any(
                (alias.asname or alias.name) == original for statement in target.external for alias in statement.names):
            module.fail(module.tree, "%s imports %s from %s, which does not define it." % (module.path, original, source))
        return _resolve(target, modules, final, original, seen + ((source, original),))
    return name  # an external import's name, kept as it is


class _Rewriter(ast.NodeTransformer):
    def __init__(self, module, modules, final):
        self.module, self.modules, self.final = module, modules, final
        self.top = {id(statement) for statement in python_scopes.module_level(module.tree)}

    def visit_Import(self, node):
        return None if node not in self.module.external else node

    def visit_ImportFrom(self, node):
        return None if node not in self.module.external else node

    def visit_Attribute(self, node):
        base = node.value
        if isinstance(base, ast.Name) and base.id in self.module.module_aliases:
            if not isinstance(node.ctx, ast.Load):
                self.module.fail(node, "%s.%s is assigned to: keep changing state in an object "
                                       "(pyscript/page_state.py)." % (base.id, node.attr))
            target = self.modules[self.module.module_aliases[base.id]]
            if node.attr not in target.own and node.attr not in target.name_aliases:
                self.module.fail(node, "%s has no %s." % (target.name, node.attr))
            return ast.copy_location(ast.Name(_resolve(target, self.modules, self.final, node.attr), node.ctx), node)
        return self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in self.module.module_aliases:
            self.module.fail(node, "the module %s is used as a value: write %s.<name>." % (node.id, node.id))
        if node.id in self.module.own or node.id in self.module.name_aliases:
            node.id = _resolve(self.module, self.modules, self.final, node.id)
        return node

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        if id(node) in self.top:
            node.name = self.final[(self.module.name, node.name)]
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self.generic_visit(node)
        if id(node) in self.top:
            node.name = self.final[(self.module.name, node.name)]
        return node


def _renaming(module, modules, final):
    """{name in the module: its name in the joined module} for its module-level names."""
    names = set(module.own) | set(module.name_aliases)
    return {name: _resolve(module, modules, final, name) for name in names}


def _check_scopes(module, modules, final):
    """The joining renames a module-level name everywhere in its module (`next_step` becomes
    `worded__next_step`), and a reference `limits.kept_limit` becomes `kept_limit`. That is the
    same program unless a parameter (or an `as` name, or a nested definition) has a name that is
    renamed, or a local name is the one a reference becomes (it would hide it). Returns the
    problems, each as FILE:LINE: what to do."""
    renaming = _renaming(module, modules, final)
    problems = []

    def visit(node, chain):
        if isinstance(node, ast.Name) and renaming.get(node.id, node.id) != node.id:
            becomes = renaming[node.id]
            if chain.get(becomes, node.id) != node.id:
                problems.append((node.lineno, "%s:%s: the local name %s hides %s, which %s becomes when the "
                                              "browser's modules are joined into one: rename the local name."
                                 % (module.path, node.lineno, becomes, becomes, node.id)))
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
              and node.value.id in module.module_aliases):
            target = modules[module.module_aliases[node.value.id]]
            if node.attr in target.own or node.attr in target.name_aliases:
                becomes = _resolve(target, modules, final, node.attr)
                if becomes in chain:
                    problems.append((node.lineno, "%s:%s: the local name %s hides %s.%s, which becomes %s when "
                                                  "the browser's modules are joined into one: rename the local name."
                                     % (module.path, node.lineno, becomes, node.value.id, node.attr, becomes)))
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp,
                             ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            bound = python_scopes.bound_here(node)
            hiding = bound & set(module.module_aliases)
            if hiding:
                problems.append((node.lineno, "%s:%s: %s is the name of a module this file imports: call it something "
                                              "else here." % (module.path, node.lineno, ", ".join(sorted(hiding)))))
            fixed = {name for name in python_scopes.fixed_names(node) if renaming.get(name, name) != name}
            if fixed:
                problems.append((node.lineno, "%s:%s: %s is also a name at module level, which is renamed when the "
                                              "browser's modules are joined into one: call it something else here."
                                 % (module.path, node.lineno, ", ".join(sorted(fixed)))))
            chain = dict(chain)
            for name in bound:
                chain[renaming.get(name, name)] = name
        for child in ast.iter_child_nodes(node):
            visit(child, chain)

    visit(module.tree, {})
    return [message for _, message in sorted(set(problems))]


def _check_order(order, modules, final):
    """Code run at module level may use only names of modules that come before it."""
    defined, joined = set(), set(final.values())
    for name in order:
        module = modules[name]
        its_own = {final[(name, own)] for own in module.own}
        for statement in module.tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                checked = statement.decorator_list + [base for base in getattr(statement, "bases", [])]
                checked += getattr(getattr(statement, "args", None), "defaults", [])
            else:
                checked = [statement]
            for part in checked:
                for node in python_scopes.loaded_here(part):
                    if node.id in joined and node.id not in defined and node.id not in its_own:
                        module.fail(node, "%s is used at module level before its module runs." % node.id)
        defined.update(its_own)


def flatten(sources):
    """(source of one module, {(module name, name): name in it}) from [(module name, path, source)]:
    the modules joined as the module docstring says; the last one's code runs last."""
    modules = {}
    for name, path, source in sources:
        modules[name] = _Module(name, path, source)
    for module in modules.values():
        _read_imports(module, modules)
    order = _order(modules, [name for name, _, _ in sources])
    for module in modules.values():
        parts = module.name.split(".")
        for length in range(1, len(parts) + 1):
            end = parts[-length:]
            if not any(other is not module and other.name.split(".")[-length:] == end for other in modules.values()):
                break
        module.short = "_".join(end)
    final = _final_names(modules)
    problems = []
    for module in modules.values():
        problems += _check_scopes(module, modules, final)
    if problems:
        raise NotJoinable("\n".join(problems))
    body, kept = [], []
    for name in order:
        module = modules[name]
        tree = _Rewriter(module, modules, final).visit(module.tree)
        for statement in tree.body:
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                shown = ast.unparse(statement)
                if shown not in kept:
                    kept.append(shown)
            elif not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                      and isinstance(statement.value.value, str)):
                body.append(statement)
    _check_order(order, modules, final)
    imports = [ast.parse(line).body[0] for line in kept]
    joined_tree = ast.Module(body=imports + python_scopes.used(body), type_ignores=[])
    return ast.unparse(ast.fix_missing_locations(joined_tree)) + "\n", final
