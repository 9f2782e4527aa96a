"""mkdocs-macros entry point: the site's pages render the data through these macros.

Presentation only. The data comes from stillworried.data (checked, or the build fails with
file:line messages) and every date or rule from stillworried.engine and stillworried.words.
"""
from stillworried.data import DataError, build_bundle

from macros import render


def define_env(env):
    try:
        bundle = build_bundle()
    except DataError as error:
        # A maintainer's mistake in data/ must stop the build, with every problem listed.
        raise SystemExit("The data has problems, so the site was not built:\n%s" % error) from None

    @env.macro
    def emergency_notice():
        return render.emergency_notice(bundle)

    @env.macro
    def front_doors():
        return render.front_doors(bundle)

    @env.macro
    def procedure_ladders():
        return render.procedure_ladders(bundle)
