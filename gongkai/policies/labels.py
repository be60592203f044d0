"""Words for the pure modules' codes: rule findings, document-number errors, transitions."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gongkai.policies.domain import Transition

FINDING_MESSAGES: dict[str, Promise] = {
    "basis_missing": _("Choose the legal basis for not disclosing proactively."),
    "other_law_missing": _("Name the law or administrative regulation."),
    "reason_missing": _("Give the reason in writing."),
    "statutory_item": _(
        "Article 20 of the Regulation requires this kind of information (item %(item)s) to be disclosed proactively."
    ),
    "livelihood_topic": _("The plan requires information on %(topic)s to be disclosed proactively."),
    "livelihood_terms": _(
        "The title mentions %(terms)s: the plan requires such information to be disclosed proactively. Check the attribute."
    ),
    "superior_is_proactive": _(
        "The superior document is disclosed proactively, so this one should be too; only an approver may decide otherwise, with a reason."
    ),
    "superior_overridden": _("Departs from the proactive superior document; the approver's reason is on record."),
    "public_interest_letter": _("A letter or reply that affects the public interest must be disclosed proactively."),
    "not_lead_organ": _("For a joint document only the lead organ decides the attribute."),
    "re_review_date_missing": _(
        "Process information may be withheld only until the decision is made: set the re-review date."
    ),
}

DOCUMENT_NUMBER_ERRORS: dict[str, Promise] = {
    "empty": _("Enter the document number."),
    "format": _(
        "Write the document number as issuer code, year in brackets and serial, for example 忻政办发〔2021〕35号."
    ),
    "year": _("The year in the document number is not plausible."),
    "serial": _("The serial in the document number must be a positive number."),
}

TRANSITION_LABELS: dict[Transition, Promise] = {
    Transition.SUBMIT: _("Submit for review"),
    Transition.RETURN: _("Return to drafter"),
    Transition.REVIEW: _("Pass review"),
    Transition.APPROVE: _("Approve and seal"),
    Transition.PUBLISH: _("Publish"),
    Transition.WITHDRAW: _("Withdraw"),
    Transition.EXPIRE: _("Take down"),
    Transition.REOPEN: _("Reopen for correction"),
}
