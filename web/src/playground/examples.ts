// The operations the playground opens with: one tab per query, mutation and
// subscription of the tickets API, and one per area of identity and access (several
// operations each: GraphiQL asks which one to run), with variables, so an integrator
// can run each one at once. They are checked against schema.graphql by the web tests.
export interface ExampleTab {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLE_TABS: ExampleTab[] = [
  {
    title: 'List tickets',
    query: `# Tickets, filtered and searched, a page at a time, newest first unless $orderBy says
# otherwise (OLDEST_FIRST, PRIORITY: critical first, RECENTLY_CHANGED). Pass
# pageInfo.endCursor as $after for the next page, with the same order.
query ExampleListTickets($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {
  tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {
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
    variables: { filter: { statuses: ['OPEN', 'IN_PROGRESS'] }, search: null, first: 10, after: null, orderBy: 'PRIORITY' },
  },
  {
    title: 'Saved views',
    query: `# Your own saved views of the ticket list (an API token: its user's). Each one's
# filter, search and orderBy go straight back into tickets(…), without __typename.
query ExampleSavedViews {
  savedViews {
    id
    name
    search
    orderBy
    filter {
      statuses
      priorities
      assignee {
        me
        none
        userIds
      }
    }
  }
}

mutation ExampleCreateSavedView($input: CreateSavedViewInput!) {
  createSavedView(input: $input) {
    savedView {
      id
      name
    }
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleRenameSavedView($id: ID!, $name: String!) {
  updateSavedView(id: $id, input: { name: $name }) {
    savedView {
      id
      name
    }
    userErrors {
      field
      code
    }
  }
}

mutation ExampleDeleteSavedView($id: ID!) {
  deleteSavedView(id: $id) {
    deletedId
    userErrors {
      code
    }
  }
}`,
    variables: {
      input: { name: 'My open tickets', filter: { statuses: ['OPEN', 'IN_PROGRESS'], assignee: { me: true } }, orderBy: 'PRIORITY' },
      id: '1',
      name: 'My queue',
    },
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
    createdBy {
      __typename
      ... on User {
        displayName
      }
      ... on ApiToken {
        name
      }
    }
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
    confidence
    reason
    suggestionId
  }
}`,
    variables: { description: 'I was charged twice for my subscription this month and need a refund.' },
  },
  {
    title: 'Find similar tickets',
    query: `# Possible duplicates of a ticket being written: up to 5, active ones first.
# Empty when nothing is similar enough.
query ExampleSimilarTickets($text: String!) {
  similarTickets(text: $text, first: 5) {
    similarity
    ticket {
      id
      title
      status
      createdAt
    }
  }
}`,
    variables: { text: 'I was charged twice for my subscription this month and need a refund.' },
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
  {
    title: 'Notes and history',
    query: `# Internal notes (never shown to customers; a correction is a new note) and the
# ticket's history, both oldest first.
mutation ExampleAddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {
  addTicketNote(ticketId: $ticketId, input: $input) {
    note {
      id
      body
      createdAt
    }
    userErrors {
      field
      code
      message
    }
  }
}

query ExampleTicketTimeline($id: ID!) {
  ticket(id: $id) {
    notes(first: 20) {
      nodes {
        body
        createdAt
      }
    }
    history(first: 20) {
      nodes {
        kind
        field
        from
        to
        at
      }
    }
  }
}`,
    variables: { ticketId: '1', id: '1', input: { body: 'Called the customer back; waiting for a screenshot.' } },
  },
  {
    title: 'Bulk change',
    query: `# Up to 500 tickets in one transaction: all change, or none (each failing ticket
# is named as ids.<index>). expectedVersions guards against a colleague's change.
mutation ExampleBulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {
  bulkUpdateTickets(ids: $ids, input: $input) {
    tickets {
      id
      status
      version
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: { ids: ['1', '2'], input: { status: 'CLOSED' } },
  },
  {
    title: 'Live ticket activity',
    query: `# Each ticket change as it commits (over WebSocket at /graphql, graphql-ws protocol):
# the ticket after the commit, the fields that changed and the history events written.
# Leave out ticketId for every ticket. After a reconnection, query what you missed.
subscription ExampleTicketActivity($ticketId: ID) {
  ticketActivity(ticketId: $ticketId) {
    kind
    changedFields
    ticket {
      id
      title
      status
      priority
      version
    }
    events {
      kind
      field
      from
      to
      at
    }
    note {
      body
    }
  }
}`,
    variables: { ticketId: null },
  },
  {
    title: 'Webhooks (administrators)',
    query: `# Endpoints receive signed JSON POSTs (X-Webhook-Signature: t=…,v1=…). The secret
# is in createWebhookEndpoint's answer only.
query ExampleWebhookEndpoints {
  webhookEndpoints {
    id
    url
    events
    active
    failingSince
  }
}

mutation ExampleCreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint {
      id
    }
    secret
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleUpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) {
    endpoint {
      id
      active
    }
    userErrors {
      code
    }
  }
}

query ExampleWebhookDeliveries($endpointId: ID!) {
  webhookDeliveries(endpointId: $endpointId, first: 20) {
    nodes {
      id
      eventType
      status
      attemptCount
      lastStatusCode
    }
  }
}

mutation ExampleRedeliverWebhook($deliveryId: ID!) {
  redeliverWebhook(deliveryId: $deliveryId) {
    delivery {
      id
      status
    }
    userErrors {
      code
    }
  }
}

mutation ExampleDeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    deletedId
    userErrors {
      code
    }
  }
}`,
    variables: {
      input: { url: 'https://hooks.example.com/tickets', events: ['TICKET_CREATED', 'TICKET_CHANGED'] },
      id: '1',
      endpointId: '1',
      deliveryId: '1',
    },
  },
  {
    title: 'Who am I',
    query: `# Who the request acts for: the signed-in user, or the owner of the API token in the
# Authorization header (Authorization: Token …); null when anonymous.
query ExampleMe {
  me {
    id
    email
    displayName
    role
  }
  authStatus {
    setupRequired
  }
}`,
  },
  {
    title: 'People to assign',
    query: `# The people a ticket can be assigned to: active users who can sign in, by name.
# Any caller who reads tickets may ask; emails stay for admins.
query ExampleAssignableUsers {
  assignableUsers {
    id
    displayName
    role
  }
}`,
  },
  {
    title: 'Sign in and out',
    query: `# Browser sessions (cookies). The playground already runs as you; integrations use
# an API token instead. A wrong email or password is a userError INVALID_CREDENTIALS;
# too many attempts are refused with RATE_LIMITED and extensions.retryAfter (seconds).
mutation ExampleSignIn($signIn: SignInInput!) {
  signIn(input: $signIn) {
    user {
      id
      displayName
      role
    }
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleSignOut {
  signOut {
    signedOut
  }
}

# The first administrator, with the token of the setup link in the server's log.
mutation ExampleCompleteSetup($setup: CompleteSetupInput!) {
  completeSetup(input: $setup) {
    user {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}

# An invited person choosing a password, with the token of their invitation link.
mutation ExampleAcceptInvitation($invitation: AcceptInvitationInput!) {
  acceptInvitation(input: $invitation) {
    user {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: {
      signIn: { email: 'agent@example.com', password: 'a long passphrase' },
      setup: { token: 'from the setup link', email: 'admin@example.com', displayName: 'Admin', password: 'a long passphrase' },
      invitation: { token: 'from the invitation link', password: 'a long passphrase' },
    },
  },
  {
    title: 'Your account',
    query: `# Your own name and password. Changing the password signs out your other sessions.
mutation ExampleUpdateMe($me: UpdateMeInput!) {
  updateMe(input: $me) {
    user {
      id
      displayName
    }
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleChangePassword($password: ChangePasswordInput!) {
  changePassword(input: $password) {
    user {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: {
      me: { displayName: 'Alex' },
      password: { currentPassword: 'the current one', newPassword: 'a new long passphrase' },
    },
  },
  {
    title: 'Users (administrators)',
    query: `# Administrators only (FORBIDDEN otherwise). An invitation answers a one-time link
# (valid 7 days) shown only in this answer.
query ExampleUsers {
  users {
    id
    email
    displayName
    role
    active
    invitationPending
  }
}

mutation ExampleInviteUser($invite: InviteUserInput!) {
  inviteUser(input: $invite) {
    invitationUrl
    user {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleCreateUser($user: CreateUserInput!) {
  createUser(input: $user) {
    user {
      id
    }
    userErrors {
      field
      code
      message
    }
  }
}

# Change the role, or deactivate (active: false); the last active administrator stays (LAST_ADMIN).
mutation ExampleUpdateUser($id: ID!, $change: UpdateUserInput!) {
  updateUser(id: $id, input: $change) {
    user {
      id
      role
      active
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: {
      invite: { email: 'new.agent@example.com', displayName: 'New Agent', role: 'AGENT' },
      user: { email: 'other.agent@example.com', displayName: 'Other Agent', role: 'AGENT', password: 'a long passphrase' },
      id: '2',
      change: { role: 'ADMIN' },
    },
  },
  {
    title: 'API tokens (administrators)',
    query: `# Tokens for integrations (Authorization: Token …). The token itself is in the answer
# of createApiToken only; afterwards only its prefix is shown.
query ExampleApiTokens($includeRevoked: Boolean) {
  apiTokens(includeRevoked: $includeRevoked) {
    id
    name
    prefix
    scopes
    expiresAt
    lastUsedAt
    revokedAt
  }
}

mutation ExampleCreateApiToken($token: CreateApiTokenInput!) {
  createApiToken(input: $token) {
    token
    apiToken {
      id
      prefix
    }
    userErrors {
      field
      code
      message
    }
  }
}

mutation ExampleRevokeApiToken($tokenId: ID!) {
  revokeApiToken(id: $tokenId) {
    apiToken {
      id
      revokedAt
    }
    userErrors {
      field
      code
      message
    }
  }
}`,
    variables: {
      includeRevoked: false,
      token: { name: 'CRM sync', scopes: ['TICKETS_READ', 'TICKETS_WRITE'], expiresAt: null },
      tokenId: '1',
    },
  },
];
