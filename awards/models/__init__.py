"""The awards app's models, one module per concept; every name is re-exported here so imports stay stable."""

from .appraisal import AppraisalRecord  # noqa: F401
from .certificates import BatchStatus, CertificateBatch  # noqa: F401
from .council import CouncilMeeting, CouncilVote  # noqa: F401
from .decisions import Decision  # noqa: F401
from .dossier import (  # noqa: F401
    Attachment,
    Nominee,
    NomineeName,
    NomineeQuerySet,
    PublicComment,
    Submission,
    SubmissionQuerySet,
    WorkflowEvent,
)
from .enums import (  # noqa: F401
    CENTRAL_DECIDERS,
    EDITABLE_STATUSES,
    FINISHED_STATUSES,
    INITIATIVE_RANK,
    LOCAL_DECIDERS,
    OPEN_STATUSES,
    RATING_RANK,
    AchievementFact,
    Appraisal,
    ArticlePoint,
    AttachmentKind,
    AwardCategory,
    AwardLevel,
    BlockKind,
    CommendationType,
    CommentStatus,
    Decider,
    DecisionKind,
    InitiativeLevel,
    LabourCriterion,
    Outcome,
    ParameterKey,
    Rating,
    RoundKind,
    RuleKind,
    SpecialCategory,
    Status,
    Subject,
    VoteChoice,
)
from .evidence import (  # noqa: F401
    BlockingRecord,
    Initiative,
    LabourResult,
    LeadershipTenure,
    PastAward,
    TaskRating,
)
from .fund import FundEntry, FundEntryKind, FundSource  # noqa: F401
from .outbox import NoticeStatus, OutcomeNotice  # noqa: F401
from .policy import FairnessTarget  # noqa: F401
from .signatures import SignatureStatus, SignedDocument  # noqa: F401
