import type { SourceLinkInput } from "../sources/schema";

// The demo newsroom's wire story: the shape Dateline must carry well. Places and people are fictional.

export const WIRE_STORY = {
  slug: "the-sea-has-already-decided-harrow-point-votes-to-move-inland",
  headline: "“The sea has already decided”: Harrow Point votes to move its town centre inland",
  dek: "After a third winter of flooding, the coastal council approved a 20-year plan to relocate 1,400 homes, the school and the clinic to higher ground. Not everyone is ready to go.",
  dateline: "HARROW POINT, Cardell Coast",
  paragraphs: [
    "The council of Harrow Point voted 7 to 2 on Tuesday night to move the town's centre two kilometres inland, the first community on the Cardell Coast to choose managed retreat over another round of sea walls.",
    "“The sea has already decided,” Mayor Ruth Adebayo told a packed community hall after the vote. “What we decide tonight is whether we move on our own timetable or on the water's.”",
    "The plan, drafted over eighteen months with the provincial government, would relocate about 1,400 homes, the primary school, the health clinic and the fire station to a plateau north of the Fenwick Road by 2046.",
    "“Every option on the table was expensive. This is the only one that stays paid for,” said deputy mayor Colm Hartigan, who chairs the council's infrastructure committee. “A wall we build today needs to be raised again in fifteen years. A school on the hill does not.”",
    "Provincial engineers told the council in March that the existing sea defences would be overtopped in an average winter by the late 2030s. Three storms since 2024 have flooded the harbour district, most recently in January, when water reached the clinic's ground floor.",
    "“We evacuated eleven patients by boat,” said Dr. Amira Solberg, who runs the clinic. “I do not want to do that again, and I do not want my successor to do it every year.”",
    "Under the plan, the province will buy flood-prone properties at their assessed value from before the 2024 storm, a provision residents had demanded. Owners who choose to stay will keep their homes, but the council will stop extending water and sewer lines in the harbour zone after 2035.",
    "“Nobody will be forced out of their house,” Adebayo said. “But we are being honest that the services will move, and that a town is not just houses.”",
    "Not everyone in the hall agreed. Councillor Peter Nkemelu, one of the two votes against, said the timetable was too fast for older residents and for the fishing families whose work depends on the harbour.",
    "“You are asking people whose grandparents built this harbour to leave it within a generation,” Nkemelu said. “I have not heard a single answer tonight on where the boats go.”",
    "The provincial minister for coastal affairs, Lena Varga, said in a statement on Wednesday that the harbour itself would stay and be rebuilt as a working waterfront. “Harrow Point's fleet is not moving inland,” she said. “The province will fund a raised quay and storage so the fishing economy stays where the fish are.”",
    "The total cost is estimated at 410 million over twenty years, most of it from a provincial adaptation fund created in 2025. Varga said the fund would cover “at least three quarters” of the buyouts.",
    "“The alternative was not free,” Varga said. “The alternative was spending the same money on defences and then spending it again.”",
    "Residents who spoke at the meeting were divided. “My house has flooded twice. I will take the offer,” said Grace Oduya, a retired teacher. Her neighbour, harbour-master Tom Lindell, said he would stay “until the water asks me personally.”",
    "The council will hold the first public consultation on the new town plan in April. “This is the start of the conversation, not the end of it,” Adebayo said as the hall emptied. “But it had to start.”",
  ],
  photo: {
    file: "harrow-point-harbour.jpg",
    caption:
      "Residents walk along the flooded harbour road in Harrow Point during a storm surge in January. The council voted on Tuesday to move the town centre two kilometres inland.",
    credit: "Elena Marsh",
    agency: "Northern Wire Photo",
    altText: "People in rain jackets walk along a harbour road covered by shallow floodwater, with low houses and a grey sea behind them.",
    copyright: "© 2026 Northern Wire Photo",
    license: "Licensed to Dateline for editorial use in news coverage of Harrow Point. No resale.",
  },
  sources: [
    {
      url: "https://example.org/harrow-point/council/2026-11-24-minutes.pdf",
      title: "Harrow Point Council: minutes of the special meeting on managed retreat",
      publisher: "Harrow Point Town Council",
      kind: "DOCUMENT",
      note: "Recorded vote, 7–2, and the text of the adopted resolution.",
      accessedAt: "2026-11-25",
    },
    {
      url: "https://example.org/cardell/coastal-affairs/statements/harrow-point-harbour",
      title: "Minister Varga on the future of Harrow Point harbour",
      publisher: "Provincial Ministry of Coastal Affairs",
      kind: "STATEMENT",
      accessedAt: "2026-11-25",
    },
    {
      url: "https://example.org/cardell/engineering/sea-defence-assessment-2026",
      title: "Sea defence assessment, Cardell Coast, 2026",
      publisher: "Provincial Engineering Office",
      kind: "REPORT",
      note: "Overtopping projections cited by the council.",
      accessedAt: "2026-11-24",
      archivedUrl: "https://archive.example.net/2026/sea-defence-assessment-2026",
    },
  ] satisfies SourceLinkInput[],
  correction: "An earlier version of this story said the plan would relocate 4,100 homes. The correct figure is about 1,400 homes.",
};
