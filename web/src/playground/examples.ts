// The operations the playground opens with: one tab per query and mutation of the
// API, with variables, so an integrator can run each one at once. They are checked
// against schema.graphql by the web tests.
export interface ExampleTab {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    title: 'List tickets',
    query: `# Tickets, newest first, filtered and searched, a page at a time.
# Pass pageInfo.endCursor as $after for the next page.
query ExampleListTickets($filter: TicketFilter, $search: String, $first: Int, $after: String) {
  tickets(filter: $filter, search: $search, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      category
      priority
      status
      createdAt
    }
  }
}`,
    variables: { filter: { statuses: ['OPEN', 'IN_PROGRESS'] }, search: null, first: 10, after: null },
  },
  {
    title: 'One ticket',
    query: `# One ticket by id, with the AI suggestion shown when it was created.
query ExampleTicket($id: ID!) {
  ticket(id: $id) {
    id
    title
    description
    category
    priority
    status
    createdAt
    updatedAt
    resolvedAt
    suggestion {
      category
      priority
      source
      accepted
    }
  }
}`,
    variables: { id: '1' },
  },
  {
    title: 'Statistics',
    query: `# Figures computed by the database, optionally for a filter.
query ExampleStats($filter: TicketFilter) {
  stats(filter: $filter) {
    totalTickets
    openTickets
    avgTicketsPerDay
    priorityBreakdown {
      priority
      count
    }
    categoryBreakdown {
      category
      count
    }
    statusBreakdown {
      status
      count
    }
    ticketsPerDay(days: 7) {
      day
      count
    }
    suggestionAcceptance {
      acceptanceRate
      accepted
      overridden
      suggested
    }
  }
}`,
    variables: { filter: null },
  },
  {
    title: 'Classify a description',
    query: `# Ask for a suggested category and priority (Gemini, or the offline classifier).
query ExampleClassify($description: String!) {
  classifyDescription(description: $description) {
    category
    priority
    source
    reason
    suggestionId
  }
}`,
    variables: { description: 'I was charged twice for my subscription this month and need a refund.' },
  },
  {
    title: 'Create a ticket',
    query: `# Create a ticket. Refusals come back in userErrors, each naming its field.
# suggestionId: the one "Classify a description" answered for this description (else
# the ticket records no suggestion, and suggestionIgnored says so when one was given).
# idempotencyKey: optional; a retry with the same key and input answers the first result.
mutation ExampleCreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) {
    ticket {
      id
      title
      category
      priority
      status
      suggestion {
        source
        accepted
      }
    }
    userErrors {
      field
      code
      message
    }
    suggestionIgnored
  }
}`,
    variables: {
      input: {
        title: 'Charged twice this month',
        description: 'I was charged twice for my subscription this month and need a refund.',
        category: 'BILLING',
        priority: 'HIGH',
        suggestionId: null,
      },
    },
  },
  {
    title: 'Update a ticket',
    query: `# Change any of title, description, category, priority and status.
mutation ExampleUpdateTicket($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) {
    ticket {
      id
      status
      priority
      resolvedAt
      updatedAt
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: { id: '1', input: { status: 'RESOLVED' } },
  },
];
