"""`check --format github` speaks GitHub Actions' workflow-command language, escaped the way
GitHub's own toolkit escapes it, so a message is never cut short or misread."""
from stillworried.annotations import escape_data, escape_property, github_command
from stillworried.yamlmarks import Problem


def test_message_escapes_percent_and_line_breaks_only():
    assert escape_data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b"


def test_property_also_escapes_colon_and_comma():
    assert escape_property("C:\\data,1 100%\n") == "C%3A\\data%2C1 100%25%0A"


def test_an_error_becomes_one_error_command_at_its_line_and_column():
    problem = Problem("data/contacts.yaml", 12, 5, "'0161 6O3 4500' is not a valid UK phone number: letter O "
                                                  "in a phone number? Did you mean the digit 0?")
    assert github_command(problem) == (
        "::error file=data/contacts.yaml,line=12,col=5,title=Problem in the data::'0161 6O3 4500' is not a valid UK "
        "phone number: letter O in a phone number? Did you mean the digit 0?")


def test_a_warning_becomes_a_warning_command_and_odd_file_names_stay_one_property():
    warning = Problem("my data, v2/contacts.yaml", 3, 1, "Verified\nlong ago: 100%", Problem.WARNING)
    assert github_command(warning) == ("::warning file=my data%2C v2/contacts.yaml,line=3,col=1,"
                                       "title=Worth checking in the data::Verified%0Along ago: 100%25")
