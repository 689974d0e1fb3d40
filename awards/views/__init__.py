"""Award pages: thin views over awards.services; every queryset is scoped to the user.

The pages are a package by section; every view is named here, so ``views.submission_detail`` (the URLs, the
tests) reads as before.
"""
from .comments import (  # noqa: F401
    comment_list,
    comment_moderate,
)
from .council import (  # noqa: F401
    council,
    vote,
    vote_all,
)
from .decisions import (  # noqa: F401
    certificate_pdf,
    decision_certificates,
    decision_certificates_pdf,
    decision_certificates_status,
    decision_detail,
    decision_list,
    decision_pdf,
    decision_seal,
    decision_sign,
    meeting_document,
    nominee_recovery,
    nominee_revoke,
    payment_list_pdf,
    payment_list_xlsx,
    submission_report,
)
from .dossiers import (  # noqa: F401
    attachment_add,
    attachment_download,
    eligibility_recheck,
    import_template,
    import_upload,
    nominee_delete,
    nominee_edit,
    submission_action,
    submission_appraise,
    submission_bulk,
    submission_create,
    submission_detail,
    submission_edit,
    submission_list,
)
from .fund import (  # noqa: F401
    fund_excel,
    fund_ledger,
    fund_reverse,
)
from .law import (  # noqa: F401
    central_result,
    criteria_coverage,
    notification_open,
    unit_decisions,
)
from .outbox import (  # noqa: F401
    my_awards,
    outbox_page,
)
from .public import (  # noqa: F401
    public_comment,
    public_comment_list,
    verify,
    verify_document,
)
from .records import (  # noqa: F401
    fairness,
    history,
    initiative_list,
    notifications,
    ratings_import,
    special_queue,
)
