"""Values shown to users that templates translate with ``_(value)``: marked here for the
catalogues, since the extractor cannot see through a variable."""

from ncbnet.core.errors import N_

VALUE_LABELS = (
    # categories
    N_("wanted"),
    N_("missing"),
    N_("suspect"),
    N_("convicted"),
    N_("unidentified"),
    # how a name part matched
    N_("exact"),
    N_("equivalent"),
    N_("transliteration"),
    N_("phonetic"),
    N_("fuzzy"),
    # evidence
    N_("year-month"),
    N_("year"),
    N_("near"),
    N_("conflict"),
    N_("agree"),
    # identifiers and statuses
    N_("passport"),
    N_("national_id"),
    N_("id_card"),
    N_("other"),
    N_("active"),
    N_("cancelled"),
)
