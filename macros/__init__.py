"""mkdocs-macros entry point (package mode): the macros that pages call to render the data.

Presentation only: the data is checked and loaded by stillworried.data, the rules come from
stillworried.engine and stillworried.words, and all HTML is built in macros.render from
escaped values. The build hook (hooks/site.py) has already checked the data by the time
these run, so a data mistake never reaches a page.
"""
from exports import amendments, open_data
from macros import render, wizard
from sitebuild import wizard_assets
from macros.site_data import load_bundle
from stillworried.data import engine_bundle


def define_env(env):
    bundle = load_bundle()

    def context():
        return render.Context(bundle, env.page.url if env.page else "")

    for name in ("emergency_notice", "front_doors", "procedure_links", "partnership_page", "procedure_page",
                 "contacts_page", "contacts_index", "form_page", "forms_index", "guidance_page",
                 "guidance_section", "glossary", "sources_list", "wizard_start"):
        env.macro(bind(context, getattr(render, name)), name)
    env.macro(bind(context, open_data.downloads), "open_data_downloads")
    env.macro(bind(context, amendments.amendments_page), "amendments_page")

    def wizard_page():
        interpreter = env.conf["extra"].get("wizard_interpreter", "micropython")
        return wizard.wizard_page(context(), wizard_assets.manifest(engine_bundle(bundle), interpreter))
    env.macro(wizard_page, "wizard_page")


def bind(context, function):
    def macro(*args):
        return function(context(), *args)
    macro.__doc__ = function.__doc__
    return macro
