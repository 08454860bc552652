"""The JSON shapes of the open-data API (they become the OpenAPI schema)."""

import datetime as dt

from ninja import Field, Schema


class Error(Schema):
    detail: str


class RemissSummary(Schema):
    id: int
    reference: str
    title: str
    ministry: str
    status: str
    published_at: dt.datetime | None
    deadline: dt.date | None
    url: str
    api_url: str


class Proposal(Schema):
    id: int
    label: str
    kind: str
    text: str


class Section(Schema):
    id: int
    number: str
    title: str
    proposals: list[Proposal]


class Organisation(Schema):
    id: int
    name: str
    kind: str
    county: str
    code: str


class RecipientStatus(Schema):
    organisation: Organisation
    status: str
    status_label: str


class RemissDetail(RemissSummary):
    missive: str
    reports: list[dict]
    sections: list[Section]
    remisslista: list[RecipientStatus]
    answers_public: bool
    answers_url: str
    summary_url: str
    download_url: str


class Stance(Schema):
    proposal_id: int
    label: str
    stance: str | None
    stance_label: str
    comment: str | None


class Answer(Schema):
    id: int
    organisation: Organisation
    version: int
    submitted_at: dt.datetime
    is_late: bool
    declined: bool
    redacted: bool
    summary: str | None
    general_comments: str | None
    stances: list[Stance]
    receipt_sha256: str | None
    pdf_url: str | None
    html_url: str


class Download(Schema):
    state: str
    state_label: str
    url: str | None
    built_at: dt.datetime | None
    answers: int | None


class ThemeOrganisation(Schema):
    id: int = Field(description="Remissinstansens id (samma som i remisslistan).")
    name: str = Field(description="Remissinstansens namn.")


class Theme(Schema):
    label: str = Field(description="Temats rubrik, som departementet har bekräftat.")
    key: bool = Field(description="Sant när departementet har markerat temat som särskilt viktigt.")
    polarity: str = Field(
        description="Temats riktning: for (i huvudsak för förslaget), against (i huvudsak emot) eller mixed (blandat)."
    )
    key_quote: str = Field(
        description="Ett ordagrant citat ur ett av svaren som visar temat; tomt när svaret bara publiceras maskerat."
    )
    organisations: list[ThemeOrganisation] = Field(description="Remissinstanserna som förde fram synpunkten.")


class ProposalThemes(Schema):
    id: int = Field(description="Förslagets id (samma som i /remisser/{id}/).")
    label: str = Field(description="Förslagets nummer, t.ex. 7.1.1 (2).")
    text: str = Field(description="Förslagets text.")
    ministry_comment: str = Field(description="Departementets kommentar till remissinstansernas synpunkter.")
    themes: list[Theme] = Field(description="De bekräftade temana, i departementets ordning.")


class ThemeAnalysis(Schema):
    remiss: int = Field(description="Remissens id.")
    published_at: dt.datetime = Field(description="När departementet publicerade analysen.")
    url: str = Field(description="Sidan ”Vad hände med synpunkterna?”.")
    proposals: list[ProposalThemes] = Field(
        description="Förslagen som har bekräftade teman eller en kommentar från departementet."
    )
