"""GitHub Actions workflow commands, so `check --format github` puts each problem on the
changed line of a pull request.

    ::error file=data/contacts.yaml,line=12,col=5,title=Problem in the data::message

GitHub reads these from the job's output. Its own toolkit escapes them as below
(@actions/core, command.ts): in the message %, CR and LF; in a property also : and ,.
Without that, a message with a newline would be cut short, and a file name with a comma
would be read as two properties.
"""
from stillworried import text_policy
from stillworried.yamlmarks import Problem

TITLES = {Problem.ERROR: "Problem in the data", Problem.WARNING: "Worth checking in the data"}


def escape_data(text):
    """Also shows any other control character as an escape (text_policy.visible), so nothing in a
    message can act in the log or forge a second command."""
    return text_policy.visible(str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text):
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(problem):
    """One ::error or ::warning line for a Problem."""
    properties = (("file", problem.file), ("line", problem.line), ("col", problem.col),
                  ("title", TITLES[problem.severity]))
    return "::%s %s::%s" % (problem.severity, ",".join("%s=%s" % (key, escape_property(value))
                                                       for key, value in properties), escape_data(problem.message))
