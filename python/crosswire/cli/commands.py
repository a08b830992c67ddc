"""The commands of the ``crosswire`` program, declared once: names, texts, inputs, formats and
options. The parser (:mod:`.parser`) and the help are built from this list; what a command
does is in :mod:`.actions`."""

from __future__ import annotations

from ..export import FORMATS as TABLE_FORMATS
from . import actions
from .spec import Command, Formats, Option, Output

DESCRIPTION = (
    "Cross-check news coverage: which claims several outlets carry, which conflict and "
    "which stand on one source, in a folder of articles (one per *.txt file)."
)

# The top-level help's examples: the command and what it gives.
EXAMPLES = (
    ("report --sample -o report.html", "the HTML report on the bundled sample corpus"),
    ("report articles/ -o report.html", "the same for your own folder of articles"),
    ("info articles/", "documents, dates, sizes, boilerplate share"),
    ("claims articles/ -o claims.csv", "every claim: speaker, cue, polarity, figures"),
    ("align articles/ --format jsonl", "claim pairs: agree, conflict or related, and why"),
    ('compare "sentence a" "sentence b"', "relation, score and reason for two sentences"),
    ("entities --sample --table entities", "who is named, and by which documents"),
    ("tokens articles/ -o tokens.csv", "every token with its offsets and kind"),
)

TABLES = Formats(TABLE_FORMATS, "csv")
TO_STDOUT = Output()


def _span_table(name: str, what: str, columns: str) -> Command:
    return Command(
        name=name,
        help=f"export {what} as CSV or JSON lines",
        description=(
            f"Exports {what} of every document, one row each, with the columns {columns}. "
            "start and end are character offsets into the file's text (end exclusive); "
            "boilerplate is True for rows inside boilerplate (captions, credits, navigation, ...)."
        ),
        examples=f"""
            {name} --sample | head
            {name} articles/ -o {name}.csv
            {name} articles/ --format jsonl > {name}.jsonl
        """,
        run=actions.export(name),
        formats=TABLES,
        output=TO_STDOUT,
    )


# On a Dask cluster (the `dask` extra): the per-document tables, entity ids and alignment.
CLUSTER_OPTIONS = (
    Option(
        ("--scheduler",),
        {"metavar": "ADDRESS", "help": "run on the Dask cluster at ADDRESS (tcp://host:8786)"},
    ),
    Option(
        ("--workers",),
        {"type": int, "metavar": "N", "help": "run on a local Dask cluster of N processes"},
    ),
    Option(
        ("--partition-docs",),
        {
            "type": int,
            "metavar": "N",
            "help": "documents per Dask partition (default: at most 2000, as many partitions "
            "for each worker)",
        },
    ),
)


def _table_option(tables: tuple[str, ...], help: str) -> Option:
    """``--table``: which of a command's tables to write, the first by default."""
    return Option(("--table",), {"choices": list(tables), "default": tables[0], "help": help})


COMMANDS: tuple[Command, ...] = (
    Command(
        name="info",
        help="documents, dates, sources, sizes and boilerplate share",
        description=(
            "One line per document: date, source, size in characters, tokens and sentences, "
            "and the share of characters that are boilerplate (not article text); then the totals."
        ),
        examples="""
            info --sample
            info articles/ --format json | jq '.totals'
            info scraped/ --errors replace
        """,
        run=actions.info,
        formats=Formats(("table", "json"), "table"),
    ),
    _span_table(
        "tokens",
        "every token",
        "doc, i, start, end, text, kind, boilerplate, pos, tag, lemma, head, dep",
    ),
    _span_table("sentences", "every sentence", "doc, i, start, end, text, boilerplate"),
    Command(
        name="entities",
        help="export entity mentions, or one row per entity",
        description=(
            "Exports every entity mention (doc, start, end, text, label, entity, source), or with "
            "--table entities one row per cross-document entity (entity, name, label, aliases, "
            "docs, mentions). entity is a stable id shared by every spelling of one person, place "
            "or organisation. In CSV, list cells are JSON arrays."
        ),
        examples="""
            entities --sample | head
            entities articles/ --table entities -o entities.csv
            entities articles/ --format json | jq '.[] | select(.label == "PERSON") | .text'
        """,
        run=actions.entities,
        formats=TABLES,
        output=TO_STDOUT,
        options=(
            _table_option(
                ("mentions", "entities"),
                "mentions: one row per mention (default); entities: one row per entity",
            ),
            *CLUSTER_OPTIONS,
        ),
        check=actions.check_cluster,
    ),
    Command(
        name="claims",
        help="export every claim with its speaker, cue, polarity and figures",
        description=(
            "Exports the claims of every document, one row each: claim (a stable id), doc, start, "
            "end, text, speaker, speaker_entity, pronoun, cue, cue_class, polarity (asserted or "
            "denied), hedged, quote (direct, indirect, mixed), entities, figures, when and date "
            "(the day the claim is about). In CSV, list cells are JSON arrays and missing values "
            "are empty."
        ),
        examples="""
            claims --sample | head
            claims articles/ -o claims.csv
            claims articles/ --format jsonl | jq -r 'select(.polarity == "denied") | .text'
        """,
        run=actions.claims,
        formats=TABLES,
        output=TO_STDOUT,
        options=CLUSTER_OPTIONS,
        check=actions.check_cluster,
    ),
    Command(
        name="align",
        help="export claim pairs, groups or coverage across documents",
        description=(
            "Aligns the claims of all documents. --table pairs (default): claim_a, claim_b, doc_a, "
            "doc_b, relation (agree, conflict, related), score and a readable reason. --table "
            "groups: the claims that say the same thing, one row per claim. --table coverage: one "
            "row per group, one column per document."
        ),
        examples="""
            align --sample
            align articles/ --format jsonl | jq -r 'select(.relation == "conflict") | .reason'
            align articles/ --table coverage -o coverage.csv
            align articles/ --workers 2 --table groups -o groups.csv
        """,
        run=actions.align,
        formats=TABLES,
        output=TO_STDOUT,
        options=(
            _table_option(("pairs", "groups", "coverage"), "which table (default: pairs)"),
            *CLUSTER_OPTIONS,
        ),
        check=actions.check_cluster,
    ),
    Command(
        name="compare",
        help="compare two sentences, or every pair in a CSV file",
        description=(
            "Says whether two sentences make the same claim: relation (agree, conflict or "
            "related), a score and the reason. With --pairs FILE, reads a CSV with columns a and "
            "b (others are kept) and writes it back with the columns relation, score and reason "
            "added. The text format prints relation, score and reason separated by tabs, one line "
            "per pair."
        ),
        examples="""
            compare "32 Russian soldiers were killed" "at least 30 Russians died"
            compare "Moscow says 20,000 fled" "Kyiv puts the figure at 1,000" --format json
            compare --pairs pairs.csv -o compared.csv
            compare --pairs - --format jsonl < pairs.csv
        """,
        run=actions.compare,
        inputs=(
            Option(
                ("sentences",),
                {"nargs": "*", "metavar": "SENTENCE", "help": "two sentences to compare"},
                text=True,
            ),
            Option(
                ("--pairs",),
                {"metavar": "FILE", "help": "a CSV file with columns a and b ('-' for stdin)"},
            ),
        ),
        formats=Formats(
            ("text", *TABLE_FORMATS),
            None,
            help="output format (default: text for two sentences, csv for --pairs)",
        ),
        output=TO_STDOUT,
        check=actions.check_compare,
    ),
    Command(
        name="report",
        help="write the HTML report: conflicts, corroborated and single-source claims",
        description=(
            "Writes one self-contained HTML file (no scripts, nothing fetched from the network) "
            "to read and share: the corpus at a glance, conflicting claims first, then claims by "
            "how many outlets carry them, then single-source claims; the coverage matrix, who is "
            "named by whom, and every document with its entities highlighted and boilerplate "
            "greyed. A progress bar shows on stderr when it is a terminal."
        ),
        examples="""
            report --sample -o report.html
            report articles/ -o articles.html --title "Kherson, November 2022"
            report scraped/ --errors replace --quiet -o - > report.html
        """,
        run=actions.report,
        output=Output(
            help="where to write the report (default: report.html; '-' for stdout)",
            default="report.html",
        ),
        options=(
            Option(
                ("--title",), {"help": "the report's title (default: crosswire report)"}, text=True
            ),
        ),
    ),
)
