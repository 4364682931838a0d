import type { ArticleStatus } from "../generated/prisma/enums";

// The demo newsroom. Places, people and institutions are fictional.

export const DEMO_SECTIONS = [
  { name: "World", slug: "world", description: "News from around the world." },
  { name: "Politics", slug: "politics", description: "Governments, elections and the people who run them." },
  { name: "Business", slug: "business", description: "Markets, companies and work." },
  { name: "Science", slug: "science", description: "Research, discovery and health." },
  { name: "Climate", slug: "climate", description: "The changing climate and how communities adapt." },
];

export const DEMO_AUTHORS = [
  {
    name: "Maria Okonkwo",
    slug: "maria-okonkwo",
    title: "Climate correspondent",
    bio: "Maria covers coastal communities and climate adaptation. She has reported from four continents.",
  },
  {
    name: "Daniel Reyes",
    slug: "daniel-reyes",
    title: "Political reporter",
    bio: "Daniel covers the provincial legislature and local government.",
  },
  {
    name: "Hannah Lindqvist",
    slug: "hannah-lindqvist",
    title: "Science editor",
    bio: "Hannah edits the science desk and writes about public health.",
  },
  {
    name: "Northern Wire",
    slug: "northern-wire",
    title: "News agency",
    bio: "Stories from the Northern Wire news agency.",
    kind: "ORGANIZATION",
  },
  { name: "Tomás Ferreira", slug: "tomas-ferreira", title: "Contributor", bio: "Tomás is a freelance business writer." },
];

export const DEMO_TAGS = [
  { name: "Flooding", slug: "flooding" },
  { name: "Local government", slug: "local-government" },
  { name: "Elections", slug: "elections" },
  { name: "Public health", slug: "public-health" },
  { name: "Energy", slug: "energy" },
];

export type DemoArticle = {
  slug: string;
  headline: string;
  dek: string;
  dateline: string;
  section: string;
  authors: string[];
  tags: string[];
  status: ArticleStatus;
  hoursAgo: number;
  photo?: string;
  paragraphs: string[];
};

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    slug: "provincial-budget-passes-after-overnight-session",
    headline: "Provincial budget passes after an overnight session",
    dek: "The opposition forced twelve hours of amendments before the final vote on the 2027 spending plan.",
    dateline: "CARDELL CITY",
    section: "politics",
    authors: ["daniel-reyes"],
    tags: ["local-government"],
    status: "PUBLISHED",
    hoursAgo: 5,
    paragraphs: [
      "The provincial legislature approved the 2027 budget at 6:40 a.m. on Wednesday, after an overnight sitting in which the opposition tabled 214 amendments.",
      "“We said we would read every line, and we did,” opposition finance critic Ada Marchetti told reporters as members left the chamber.",
      "Finance Minister Jonas Whitfield called the session “democracy at its most caffeinated” and said the budget's adaptation fund and school repairs were intact.",
      "The budget passed 41 to 33. It takes effect on January 1.",
    ],
  },
  {
    slug: "measles-vaccination-clinics-extend-hours",
    headline: "Measles vaccination clinics extend their hours after three cases",
    dek: "Health officials urge parents to check their children's records before the winter holidays.",
    dateline: "CARDELL CITY",
    section: "science",
    authors: ["hannah-lindqvist"],
    tags: ["public-health"],
    status: "PUBLISHED",
    hoursAgo: 9,
    photo: "clinic.jpg",
    paragraphs: [
      "Public health clinics across the province will open until 8 p.m. on weekdays this month after three measles cases were confirmed in the capital.",
      "“Two doses protect about 97 percent of people. The vaccine works; the gap is in who has had it,” said Dr. Ines Paredes, the province's chief medical officer.",
      "Officials said all three cases were linked to a single flight and that contacts had been notified.",
    ],
  },
  {
    slug: "harbour-fishing-fleet-counts-cost-of-winter-storms",
    headline: "Harbour fishing fleet counts the cost of winter storms",
    dek: "Boat owners say insurance premiums have tripled since 2024.",
    dateline: "HARROW POINT, Cardell Coast",
    section: "business",
    authors: ["tomas-ferreira"],
    tags: ["flooding"],
    status: "PUBLISHED",
    hoursAgo: 30,
    paragraphs: [
      "Owners of the 38 boats that fish out of Harrow Point say their insurance premiums have tripled in two years, and two underwriters have stopped covering the harbour altogether.",
      "“We are paying to insure boats against a harbour that floods every winter,” said Siobhan Carr, who runs a three-boat crab operation.",
      "The provincial insurance regulator said it was reviewing coastal premiums and would report in the spring.",
    ],
  },
  {
    slug: "wind-farm-tender-draws-record-bids",
    headline: "Offshore wind tender draws a record eleven bids",
    dek: "The energy ministry will announce the winners in February.",
    dateline: "CARDELL CITY",
    section: "business",
    authors: ["northern-wire"],
    tags: ["energy"],
    status: "PUBLISHED",
    hoursAgo: 50,
    paragraphs: [
      "Eleven consortia have bid for the right to build the province's second offshore wind farm, the energy ministry said on Monday, nearly double the number in the first round.",
      "“The interest tells us the market believes in this coast,” Energy Minister Paul Osei said in a statement.",
      "The ministry will announce the winning bids in February.",
    ],
  },
  {
    slug: "glacier-survey-finds-faster-retreat",
    headline: "Glacier survey finds faster retreat in the northern ranges",
    dek: "A ten-year study measured an average loss of 1.2 metres of ice thickness a year.",
    dateline: "TROMVIK",
    section: "climate",
    authors: ["maria-okonkwo", "hannah-lindqvist"],
    tags: [],
    status: "PUBLISHED",
    hoursAgo: 75,
    paragraphs: [
      "Glaciers in the northern ranges lost an average of 1.2 metres of thickness a year between 2016 and 2026, according to a survey published on Thursday.",
      "“The retreat is not slowing; in the last three summers it sped up,” said glaciologist Dr. Erik Halvorsen, who led the study.",
      "The survey used repeat drone flights and stake measurements on 26 glaciers.",
    ],
  },
  {
    slug: "council-candidates-debate-housing",
    headline: "Council candidates debate housing in a crowded hall",
    dek: "A draft: the debate is on Thursday evening.",
    dateline: "CARDELL CITY",
    section: "politics",
    authors: ["daniel-reyes"],
    tags: ["elections"],
    status: "DRAFT",
    hoursAgo: 2,
    paragraphs: ["Candidates for the city council's three open seats met for their only debate on Thursday."],
  },
  {
    slug: "new-ferry-route-to-the-islands",
    headline: "A new ferry route will link the outer islands to the mainland",
    dek: "The service is due to start in May.",
    dateline: "PORT ELLIS",
    section: "world",
    authors: ["northern-wire"],
    tags: [],
    status: "IN_REVIEW",
    hoursAgo: 3,
    paragraphs: [
      "A year-round ferry will connect the four outer islands to Port Ellis from May, the transport authority said.",
      "“For the first time, a child on Skerra can reach the mainland hospital in under two hours,” said authority chair Nadia Brook.",
    ],
  },
  {
    slug: "election-commission-publishes-new-boundaries",
    headline: "Election commission publishes new district boundaries",
    dek: "Four districts change, and one disappears.",
    dateline: "CARDELL CITY",
    section: "politics",
    authors: ["daniel-reyes"],
    tags: ["elections"],
    status: "SCHEDULED",
    hoursAgo: -72,
    paragraphs: [
      "The provincial election commission will publish its final district map on Monday, redrawing four districts and merging two rural districts into one.",
      "“The map follows population, not parties,” said commission chair Rosa Lindgren.",
    ],
  },
  {
    slug: "river-levels-warning-lifted",
    headline: "River level warning lifted for the lower valley",
    dek: "This story was withdrawn after a duplicate was published.",
    dateline: "LOWER VALLEY",
    section: "climate",
    authors: ["northern-wire"],
    tags: ["flooding"],
    status: "UNPUBLISHED",
    hoursAgo: 100,
    paragraphs: ["The flood warning for the lower valley was lifted on Sunday morning as river levels fell."],
  },
];
