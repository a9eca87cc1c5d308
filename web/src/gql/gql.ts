/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminTokensPage($includeRevoked: Boolean!) {\n    apiTokens(includeRevoked: $includeRevoked) {\n      id\n      revokedAt\n      ...ApiTokenRow_apiToken\n    }\n  }\n": typeof types.AdminTokensPageDocument,
    "\n  query AdminUsersPage {\n    users {\n      id\n      ...UserRow_user\n    }\n  }\n": typeof types.AdminUsersPageDocument,
    "\n  fragment ApiTokenRow_apiToken on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    owner {\n      id\n      displayName\n    }\n  }\n": typeof types.ApiTokenRow_ApiTokenFragmentDoc,
    "\n  fragment UserRow_user on User {\n    id\n    displayName\n    email\n    role\n    active\n    invitationPending\n    createdAt\n  }\n": typeof types.UserRow_UserFragmentDoc,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow_apiToken\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      invitationUrl\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment UseUpdateUser_user on User {\n    id\n    displayName\n    role\n    active\n  }\n": typeof types.UseUpdateUser_UserFragmentDoc,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        id\n        ...UseUpdateUser_user @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  query AccountPage {\n    me {\n      id\n      email\n      role\n      ...DisplayNameForm_user\n    }\n  }\n": typeof types.AccountPageDocument,
    "\n  fragment DisplayNameForm_user on User {\n    id\n    displayName\n  }\n": typeof types.DisplayNameForm_UserFragmentDoc,
    "\n  query SessionPage {\n    me {\n      id\n      role\n      ...UserMenu_user\n    }\n    authStatus {\n      setupRequired\n    }\n  }\n": typeof types.SessionPageDocument,
    "\n  fragment UserMenu_user on User {\n    id\n    displayName\n    role\n  }\n": typeof types.UserMenu_UserFragmentDoc,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CompleteSetupDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      user {\n        id\n        displayName\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UpdateMeDocument,
    "\n  fragment ColleagueChangeNotice_ticket on Ticket {\n    id\n    version\n    history(first: 25) {\n      edges {\n        node {\n          id\n          kind\n          at\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ColleagueChangeNotice_TicketFragmentDoc,
    "\n  subscription StatsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n      }\n    }\n  }\n": typeof types.StatsLiveDocument,
    "\n  subscription TicketLive($ticketId: ID!) {\n    ticketActivity(ticketId: $ticketId) {\n      kind\n      ticket {\n        id\n        ...TicketDetails_ticket\n        ...TicketEditForm_ticket\n        ...TicketAssignee_ticket\n        ...UseUpdateTicket_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n        ...TicketEventItem_event\n      }\n      note {\n        id\n        ...TicketNoteItem_note\n      }\n    }\n  }\n": typeof types.TicketLiveDocument,
    "\n  subscription TicketsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n        category\n        priority\n        status\n        createdAt\n        assignee {\n          id\n        }\n        ...TicketRow_ticket\n        ...TicketListOrder_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.TicketsLiveDocument,
    "\n  fragment ActiveByAssigneeCard_stats on TicketStats {\n    activeByAssignee {\n      assignee {\n        id\n        displayName\n      }\n      count\n    }\n  }\n": typeof types.ActiveByAssigneeCard_StatsFragmentDoc,
    "\n  fragment BreakdownCharts_stats on TicketStats {\n    priorityBreakdown {\n      priority\n      count\n    }\n    categoryBreakdown {\n      category\n      count\n    }\n    statusBreakdown {\n      status\n      count\n    }\n  }\n": typeof types.BreakdownCharts_StatsFragmentDoc,
    "\n  query DashboardPage($activeStatuses: [TicketStatus!]!) {\n    stats {\n      ...StatsSummary_stats @unmask\n      ...BreakdownCharts_stats @unmask\n      ...TicketsPerDayChart_stats @unmask\n      ...SuggestionAcceptanceCard_stats @unmask\n      ...ActiveByAssigneeCard_stats @unmask\n      ...TriageCard_stats @unmask\n    }\n    active: stats(filter: { statuses: $activeStatuses }) {\n      ...BreakdownCharts_stats @unmask\n    }\n  }\n": typeof types.DashboardPageDocument,
    "\n  fragment StatsSummary_stats on TicketStats {\n    totalTickets\n    openTickets\n    avgTicketsPerDay\n  }\n": typeof types.StatsSummary_StatsFragmentDoc,
    "\n  fragment SuggestionAcceptanceCard_stats on TicketStats {\n    suggestionAcceptance {\n      acceptanceRate\n      accepted\n      overridden\n      suggested\n      byCategory {\n        category\n        acceptanceRate\n        accepted\n        suggested\n      }\n    }\n  }\n": typeof types.SuggestionAcceptanceCard_StatsFragmentDoc,
    "\n  fragment TicketsPerDayChart_stats on TicketStats {\n    ticketsPerDay(days: 30) {\n      day\n      count\n    }\n  }\n": typeof types.TicketsPerDayChart_StatsFragmentDoc,
    "\n  fragment TriageCard_stats on TicketStats {\n    triage(days: 30) {\n      days\n      since\n      suggested\n      accepted\n      overridden\n      acceptanceRate\n      byCategory {\n        category\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      byPriority {\n        priority\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      categoryOverrides {\n        suggested\n        chosen\n        count\n      }\n      priorityOverrides {\n        suggested\n        chosen\n        count\n      }\n      byConfidence {\n        band\n        from\n        to\n        suggested\n        accepted\n        acceptanceRate\n      }\n    }\n  }\n": typeof types.TriageCard_StatsFragmentDoc,
    "\n  fragment ActorName_actor on Actor {\n    ... on User {\n      id\n      displayName\n    }\n    ... on ApiToken {\n      id\n      name\n    }\n  }\n": typeof types.ActorName_ActorFragmentDoc,
    "\n  fragment SimilarTickets_ticket on Ticket {\n    id\n    title\n    status\n    createdAt\n    assignee {\n      id\n      displayName\n    }\n  }\n": typeof types.SimilarTickets_TicketFragmentDoc,
    "\n  fragment TicketAssignee_ticket on Ticket {\n    id\n    title\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": typeof types.TicketAssignee_TicketFragmentDoc,
    "\n  query TicketDetailPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketDetails_ticket\n      ...TicketEditForm_ticket\n      ...TicketAssignee_ticket\n      ...TicketNotes_ticket\n      ...TicketTimeline_ticket\n    }\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n": typeof types.TicketDetailPageDocument,
    "\n  fragment TicketDetails_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    status\n    createdAt\n    updatedAt\n    resolvedAt\n    version\n    createdBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    updatedBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n  }\n": typeof types.TicketDetails_TicketFragmentDoc,
    "\n  fragment TicketEditForm_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    version\n  }\n": typeof types.TicketEditForm_TicketFragmentDoc,
    "\n  fragment TicketEventItem_event on TicketEvent {\n    id\n    kind\n    at\n    field\n    from\n    to\n    actor {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n    note {\n      id\n      body\n    }\n    assignee {\n      id\n      displayName\n    }\n    previousAssignee {\n      id\n      displayName\n    }\n  }\n": typeof types.TicketEventItem_EventFragmentDoc,
    "\n  fragment TicketNotes_ticket on Ticket {\n    id\n    notes(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketNoteItem_note\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TicketNotes_TicketFragmentDoc,
    "\n  fragment TicketNoteItem_note on TicketNote {\n    id\n    body\n    createdAt\n    author {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n  }\n": typeof types.TicketNoteItem_NoteFragmentDoc,
    "\n  fragment TicketRow_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    createdAt\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": typeof types.TicketRow_TicketFragmentDoc,
    "\n  fragment TicketRowExcerpt_ticket on Ticket {\n    excerpt(around: $search)\n  }\n": typeof types.TicketRowExcerpt_TicketFragmentDoc,
    "\n  fragment TicketTimeline_ticket on Ticket {\n    id\n    history(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TicketTimeline_TicketFragmentDoc,
    "\n  query TicketsPage($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {\n    tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          id\n          title\n          ...TicketRow_ticket\n          ...TicketRowExcerpt_ticket\n          ...TicketListOrder_ticket\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.TicketsPageDocument,
    "\n  query TicketsPageUsers {\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n": typeof types.TicketsPageUsersDocument,
    "\n  query DepartureList($filter: TicketFilter, $search: String) {\n    tickets(filter: $filter, search: $search, first: 25) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.DepartureListDocument,
    "\n      fragment Changed on Ticket {\n        id\n        status\n        priority\n        category\n        createdAt\n        assignee {\n          id\n        }\n      }\n    ": typeof types.ChangedFragmentDoc,
    "\n  query SortedList($orderBy: TicketOrder) {\n    tickets(first: 25, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          updatedAt\n          assignee {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SortedListDocument,
    "\n  fragment TicketListDeparture_ticket on Ticket {\n    id\n    status\n    priority\n    category\n    createdAt\n    assignee {\n      id\n    }\n  }\n": typeof types.TicketListDeparture_TicketFragmentDoc,
    "\n  fragment TicketListOrder_ticket on Ticket {\n    id\n    priority\n    createdAt\n    updatedAt\n  }\n": typeof types.TicketListOrder_TicketFragmentDoc,
    "\n  mutation AddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {\n    addTicketNote(ticketId: $ticketId, input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.AddTicketNoteDocument,
    "\n  fragment BulkUpdateTicketsVersion_ticket on Ticket {\n    id\n    version\n  }\n": typeof types.BulkUpdateTicketsVersion_TicketFragmentDoc,
    "\n  fragment BulkUpdateTicketsBefore_ticket on Ticket {\n    id\n    category\n    priority\n    status\n    assignee {\n      id\n    }\n  }\n": typeof types.BulkUpdateTicketsBefore_TicketFragmentDoc,
    "\n  mutation BulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {\n    bulkUpdateTickets(ids: $ids, input: $input) {\n      tickets {\n        # What a bulk change can change, and no text: up to 500 descriptions would\n        # make the answer's worst case too large for the server's response limit.\n        id\n        category\n        priority\n        status\n        version\n        assignee {\n          id\n          displayName\n        }\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.BulkUpdateTicketsDocument,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n        # Everything the detail page and the list rows read, so both render the new\n        # ticket from the cache.\n        ...TicketDetails_ticket @unmask\n        # What the plain list's rows show of the description (no search to centre on).\n        excerpt(around: null)\n        assignee {\n          id\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateTicketDocument,
    "\n  query TicketConflict($id: ID!, $after: String) {\n    ticket(id: $id) {\n      id\n      version\n      title\n      description\n      category\n      priority\n      status\n      updatedAt\n      resolvedAt\n      updatedBy {\n        ... on User {\n          id\n        }\n        ... on ApiToken {\n          id\n        }\n        ...ActorName_actor\n      }\n      history(first: 30, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.TicketConflictDocument,
    "\n  query TicketHistoryMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      history(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.TicketHistoryMoreDocument,
    "\n  query TicketNotesMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      notes(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketNoteItem_note\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.TicketNotesMoreDocument,
    "\n  query SimilarTickets($text: String!) {\n    similarTickets(text: $text) {\n      ticket {\n        id\n        ...SimilarTickets_ticket\n      }\n    }\n  }\n": typeof types.SimilarTicketsDocument,
    "\n  query ClassifyDescription($description: String!) {\n    classifyDescription(description: $description) {\n      category\n      priority\n      source\n      confidence\n      reason\n      suggestionId\n    }\n  }\n": typeof types.ClassifyDescriptionDocument,
    "\n  fragment UseUpdateTicket_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": typeof types.UseUpdateTicket_TicketFragmentDoc,
    "\n  fragment UseUpdateTicketUser_user on User {\n    id\n    displayName\n  }\n": typeof types.UseUpdateTicketUser_UserFragmentDoc,
    "\n  fragment UseUpdateTicketResolvedAt_ticket on Ticket {\n    resolvedAt\n  }\n": typeof types.UseUpdateTicketResolvedAt_TicketFragmentDoc,
    "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $descriptionChanged: Boolean!) {\n    updateTicket(id: $id, input: $input) {\n      ticket {\n        id\n        ...UseUpdateTicket_ticket @unmask\n        description @include(if: $descriptionChanged)\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UpdateTicketDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DeleteSavedViewDocument,
    "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RenameSavedViewDocument,
    "\n  fragment SavedView_view on SavedView {\n    id\n    name\n    search\n    orderBy\n    filter {\n      categories\n      priorities\n      statuses\n      createdAfter\n      createdBefore\n      suggestedCategories\n      suggestedPriorities\n      suggestionOutcomes\n      filedCategories\n      filedPriorities\n      suggestionConfidenceBands\n      assignee {\n        me\n        none\n        userIds\n      }\n    }\n  }\n": typeof types.SavedView_ViewFragmentDoc,
    "\n  query SavedViews {\n    savedViews {\n      id\n      ...SavedView_view @unmask\n    }\n  }\n": typeof types.SavedViewsDocument,
    "\n  query AdminWebhookEndpointPage($endpointId: ID!, $first: Int!, $after: String) {\n    webhookEndpoints {\n      id\n      url\n      ...WebhookEndpointItem_endpoint\n    }\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.AdminWebhookEndpointPageDocument,
    "\n  query AdminWebhooksPage {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n      ...WebhookEndpointItem_endpoint\n    }\n  }\n": typeof types.AdminWebhooksPageDocument,
    "\n  fragment WebhookDeliveryItem_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    ticketId\n    status\n    attemptCount\n    createdAt\n    lastAttemptAt\n    lastStatusCode\n    nextAttemptAt\n    deliveredAt\n    attempts {\n      id\n      startedAt\n      finishedAt\n      statusCode\n      error\n    }\n  }\n": typeof types.WebhookDeliveryItem_DeliveryFragmentDoc,
    "\n  fragment WebhookEndpointItem_endpoint on WebhookEndpoint {\n    id\n    url\n    events\n    active\n    disabledAt\n    failingSince\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookEndpointItem_EndpointFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query DisabledWebhooks {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n    }\n  }\n": typeof types.DisabledWebhooksDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  query AdminTokensPage($includeRevoked: Boolean!) {\n    apiTokens(includeRevoked: $includeRevoked) {\n      id\n      revokedAt\n      ...ApiTokenRow_apiToken\n    }\n  }\n": types.AdminTokensPageDocument,
    "\n  query AdminUsersPage {\n    users {\n      id\n      ...UserRow_user\n    }\n  }\n": types.AdminUsersPageDocument,
    "\n  fragment ApiTokenRow_apiToken on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    owner {\n      id\n      displayName\n    }\n  }\n": types.ApiTokenRow_ApiTokenFragmentDoc,
    "\n  fragment UserRow_user on User {\n    id\n    displayName\n    email\n    role\n    active\n    invitationPending\n    createdAt\n  }\n": types.UserRow_UserFragmentDoc,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow_apiToken\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      invitationUrl\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment UseUpdateUser_user on User {\n    id\n    displayName\n    role\n    active\n  }\n": types.UseUpdateUser_UserFragmentDoc,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        id\n        ...UseUpdateUser_user @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  query AccountPage {\n    me {\n      id\n      email\n      role\n      ...DisplayNameForm_user\n    }\n  }\n": types.AccountPageDocument,
    "\n  fragment DisplayNameForm_user on User {\n    id\n    displayName\n  }\n": types.DisplayNameForm_UserFragmentDoc,
    "\n  query SessionPage {\n    me {\n      id\n      role\n      ...UserMenu_user\n    }\n    authStatus {\n      setupRequired\n    }\n  }\n": types.SessionPageDocument,
    "\n  fragment UserMenu_user on User {\n    id\n    displayName\n    role\n  }\n": types.UserMenu_UserFragmentDoc,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CompleteSetupDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      user {\n        id\n        displayName\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UpdateMeDocument,
    "\n  fragment ColleagueChangeNotice_ticket on Ticket {\n    id\n    version\n    history(first: 25) {\n      edges {\n        node {\n          id\n          kind\n          at\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.ColleagueChangeNotice_TicketFragmentDoc,
    "\n  subscription StatsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n      }\n    }\n  }\n": types.StatsLiveDocument,
    "\n  subscription TicketLive($ticketId: ID!) {\n    ticketActivity(ticketId: $ticketId) {\n      kind\n      ticket {\n        id\n        ...TicketDetails_ticket\n        ...TicketEditForm_ticket\n        ...TicketAssignee_ticket\n        ...UseUpdateTicket_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n        ...TicketEventItem_event\n      }\n      note {\n        id\n        ...TicketNoteItem_note\n      }\n    }\n  }\n": types.TicketLiveDocument,
    "\n  subscription TicketsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n        category\n        priority\n        status\n        createdAt\n        assignee {\n          id\n        }\n        ...TicketRow_ticket\n        ...TicketListOrder_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.TicketsLiveDocument,
    "\n  fragment ActiveByAssigneeCard_stats on TicketStats {\n    activeByAssignee {\n      assignee {\n        id\n        displayName\n      }\n      count\n    }\n  }\n": types.ActiveByAssigneeCard_StatsFragmentDoc,
    "\n  fragment BreakdownCharts_stats on TicketStats {\n    priorityBreakdown {\n      priority\n      count\n    }\n    categoryBreakdown {\n      category\n      count\n    }\n    statusBreakdown {\n      status\n      count\n    }\n  }\n": types.BreakdownCharts_StatsFragmentDoc,
    "\n  query DashboardPage($activeStatuses: [TicketStatus!]!) {\n    stats {\n      ...StatsSummary_stats @unmask\n      ...BreakdownCharts_stats @unmask\n      ...TicketsPerDayChart_stats @unmask\n      ...SuggestionAcceptanceCard_stats @unmask\n      ...ActiveByAssigneeCard_stats @unmask\n      ...TriageCard_stats @unmask\n    }\n    active: stats(filter: { statuses: $activeStatuses }) {\n      ...BreakdownCharts_stats @unmask\n    }\n  }\n": types.DashboardPageDocument,
    "\n  fragment StatsSummary_stats on TicketStats {\n    totalTickets\n    openTickets\n    avgTicketsPerDay\n  }\n": types.StatsSummary_StatsFragmentDoc,
    "\n  fragment SuggestionAcceptanceCard_stats on TicketStats {\n    suggestionAcceptance {\n      acceptanceRate\n      accepted\n      overridden\n      suggested\n      byCategory {\n        category\n        acceptanceRate\n        accepted\n        suggested\n      }\n    }\n  }\n": types.SuggestionAcceptanceCard_StatsFragmentDoc,
    "\n  fragment TicketsPerDayChart_stats on TicketStats {\n    ticketsPerDay(days: 30) {\n      day\n      count\n    }\n  }\n": types.TicketsPerDayChart_StatsFragmentDoc,
    "\n  fragment TriageCard_stats on TicketStats {\n    triage(days: 30) {\n      days\n      since\n      suggested\n      accepted\n      overridden\n      acceptanceRate\n      byCategory {\n        category\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      byPriority {\n        priority\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      categoryOverrides {\n        suggested\n        chosen\n        count\n      }\n      priorityOverrides {\n        suggested\n        chosen\n        count\n      }\n      byConfidence {\n        band\n        from\n        to\n        suggested\n        accepted\n        acceptanceRate\n      }\n    }\n  }\n": types.TriageCard_StatsFragmentDoc,
    "\n  fragment ActorName_actor on Actor {\n    ... on User {\n      id\n      displayName\n    }\n    ... on ApiToken {\n      id\n      name\n    }\n  }\n": types.ActorName_ActorFragmentDoc,
    "\n  fragment SimilarTickets_ticket on Ticket {\n    id\n    title\n    status\n    createdAt\n    assignee {\n      id\n      displayName\n    }\n  }\n": types.SimilarTickets_TicketFragmentDoc,
    "\n  fragment TicketAssignee_ticket on Ticket {\n    id\n    title\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": types.TicketAssignee_TicketFragmentDoc,
    "\n  query TicketDetailPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketDetails_ticket\n      ...TicketEditForm_ticket\n      ...TicketAssignee_ticket\n      ...TicketNotes_ticket\n      ...TicketTimeline_ticket\n    }\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n": types.TicketDetailPageDocument,
    "\n  fragment TicketDetails_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    status\n    createdAt\n    updatedAt\n    resolvedAt\n    version\n    createdBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    updatedBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n  }\n": types.TicketDetails_TicketFragmentDoc,
    "\n  fragment TicketEditForm_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    version\n  }\n": types.TicketEditForm_TicketFragmentDoc,
    "\n  fragment TicketEventItem_event on TicketEvent {\n    id\n    kind\n    at\n    field\n    from\n    to\n    actor {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n    note {\n      id\n      body\n    }\n    assignee {\n      id\n      displayName\n    }\n    previousAssignee {\n      id\n      displayName\n    }\n  }\n": types.TicketEventItem_EventFragmentDoc,
    "\n  fragment TicketNotes_ticket on Ticket {\n    id\n    notes(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketNoteItem_note\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TicketNotes_TicketFragmentDoc,
    "\n  fragment TicketNoteItem_note on TicketNote {\n    id\n    body\n    createdAt\n    author {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n  }\n": types.TicketNoteItem_NoteFragmentDoc,
    "\n  fragment TicketRow_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    createdAt\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": types.TicketRow_TicketFragmentDoc,
    "\n  fragment TicketRowExcerpt_ticket on Ticket {\n    excerpt(around: $search)\n  }\n": types.TicketRowExcerpt_TicketFragmentDoc,
    "\n  fragment TicketTimeline_ticket on Ticket {\n    id\n    history(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TicketTimeline_TicketFragmentDoc,
    "\n  query TicketsPage($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {\n    tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          id\n          title\n          ...TicketRow_ticket\n          ...TicketRowExcerpt_ticket\n          ...TicketListOrder_ticket\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.TicketsPageDocument,
    "\n  query TicketsPageUsers {\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n": types.TicketsPageUsersDocument,
    "\n  query DepartureList($filter: TicketFilter, $search: String) {\n    tickets(filter: $filter, search: $search, first: 25) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.DepartureListDocument,
    "\n      fragment Changed on Ticket {\n        id\n        status\n        priority\n        category\n        createdAt\n        assignee {\n          id\n        }\n      }\n    ": types.ChangedFragmentDoc,
    "\n  query SortedList($orderBy: TicketOrder) {\n    tickets(first: 25, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          updatedAt\n          assignee {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.SortedListDocument,
    "\n  fragment TicketListDeparture_ticket on Ticket {\n    id\n    status\n    priority\n    category\n    createdAt\n    assignee {\n      id\n    }\n  }\n": types.TicketListDeparture_TicketFragmentDoc,
    "\n  fragment TicketListOrder_ticket on Ticket {\n    id\n    priority\n    createdAt\n    updatedAt\n  }\n": types.TicketListOrder_TicketFragmentDoc,
    "\n  mutation AddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {\n    addTicketNote(ticketId: $ticketId, input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.AddTicketNoteDocument,
    "\n  fragment BulkUpdateTicketsVersion_ticket on Ticket {\n    id\n    version\n  }\n": types.BulkUpdateTicketsVersion_TicketFragmentDoc,
    "\n  fragment BulkUpdateTicketsBefore_ticket on Ticket {\n    id\n    category\n    priority\n    status\n    assignee {\n      id\n    }\n  }\n": types.BulkUpdateTicketsBefore_TicketFragmentDoc,
    "\n  mutation BulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {\n    bulkUpdateTickets(ids: $ids, input: $input) {\n      tickets {\n        # What a bulk change can change, and no text: up to 500 descriptions would\n        # make the answer's worst case too large for the server's response limit.\n        id\n        category\n        priority\n        status\n        version\n        assignee {\n          id\n          displayName\n        }\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.BulkUpdateTicketsDocument,
    "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n        # Everything the detail page and the list rows read, so both render the new\n        # ticket from the cache.\n        ...TicketDetails_ticket @unmask\n        # What the plain list's rows show of the description (no search to centre on).\n        excerpt(around: null)\n        assignee {\n          id\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateTicketDocument,
    "\n  query TicketConflict($id: ID!, $after: String) {\n    ticket(id: $id) {\n      id\n      version\n      title\n      description\n      category\n      priority\n      status\n      updatedAt\n      resolvedAt\n      updatedBy {\n        ... on User {\n          id\n        }\n        ... on ApiToken {\n          id\n        }\n        ...ActorName_actor\n      }\n      history(first: 30, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.TicketConflictDocument,
    "\n  query TicketHistoryMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      history(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.TicketHistoryMoreDocument,
    "\n  query TicketNotesMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      notes(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketNoteItem_note\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.TicketNotesMoreDocument,
    "\n  query SimilarTickets($text: String!) {\n    similarTickets(text: $text) {\n      ticket {\n        id\n        ...SimilarTickets_ticket\n      }\n    }\n  }\n": types.SimilarTicketsDocument,
    "\n  query ClassifyDescription($description: String!) {\n    classifyDescription(description: $description) {\n      category\n      priority\n      source\n      confidence\n      reason\n      suggestionId\n    }\n  }\n": types.ClassifyDescriptionDocument,
    "\n  fragment UseUpdateTicket_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n": types.UseUpdateTicket_TicketFragmentDoc,
    "\n  fragment UseUpdateTicketUser_user on User {\n    id\n    displayName\n  }\n": types.UseUpdateTicketUser_UserFragmentDoc,
    "\n  fragment UseUpdateTicketResolvedAt_ticket on Ticket {\n    resolvedAt\n  }\n": types.UseUpdateTicketResolvedAt_TicketFragmentDoc,
    "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $descriptionChanged: Boolean!) {\n    updateTicket(id: $id, input: $input) {\n      ticket {\n        id\n        ...UseUpdateTicket_ticket @unmask\n        description @include(if: $descriptionChanged)\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UpdateTicketDocument,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateSavedViewDocument,
    "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DeleteSavedViewDocument,
    "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RenameSavedViewDocument,
    "\n  fragment SavedView_view on SavedView {\n    id\n    name\n    search\n    orderBy\n    filter {\n      categories\n      priorities\n      statuses\n      createdAfter\n      createdBefore\n      suggestedCategories\n      suggestedPriorities\n      suggestionOutcomes\n      filedCategories\n      filedPriorities\n      suggestionConfidenceBands\n      assignee {\n        me\n        none\n        userIds\n      }\n    }\n  }\n": types.SavedView_ViewFragmentDoc,
    "\n  query SavedViews {\n    savedViews {\n      id\n      ...SavedView_view @unmask\n    }\n  }\n": types.SavedViewsDocument,
    "\n  query AdminWebhookEndpointPage($endpointId: ID!, $first: Int!, $after: String) {\n    webhookEndpoints {\n      id\n      url\n      ...WebhookEndpointItem_endpoint\n    }\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": types.AdminWebhookEndpointPageDocument,
    "\n  query AdminWebhooksPage {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n      ...WebhookEndpointItem_endpoint\n    }\n  }\n": types.AdminWebhooksPageDocument,
    "\n  fragment WebhookDeliveryItem_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    ticketId\n    status\n    attemptCount\n    createdAt\n    lastAttemptAt\n    lastStatusCode\n    nextAttemptAt\n    deliveredAt\n    attempts {\n      id\n      startedAt\n      finishedAt\n      statusCode\n      error\n    }\n  }\n": types.WebhookDeliveryItem_DeliveryFragmentDoc,
    "\n  fragment WebhookEndpointItem_endpoint on WebhookEndpoint {\n    id\n    url\n    events\n    active\n    disabledAt\n    failingSince\n    createdAt\n    updatedAt\n  }\n": types.WebhookEndpointItem_EndpointFragmentDoc,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query DisabledWebhooks {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n    }\n  }\n": types.DisabledWebhooksDocument,
    "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTokensPage($includeRevoked: Boolean!) {\n    apiTokens(includeRevoked: $includeRevoked) {\n      id\n      revokedAt\n      ...ApiTokenRow_apiToken\n    }\n  }\n"): (typeof documents)["\n  query AdminTokensPage($includeRevoked: Boolean!) {\n    apiTokens(includeRevoked: $includeRevoked) {\n      id\n      revokedAt\n      ...ApiTokenRow_apiToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsersPage {\n    users {\n      id\n      ...UserRow_user\n    }\n  }\n"): (typeof documents)["\n  query AdminUsersPage {\n    users {\n      id\n      ...UserRow_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenRow_apiToken on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    owner {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokenRow_apiToken on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    owner {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow_user on User {\n    id\n    displayName\n    email\n    role\n    active\n    invitationPending\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserRow_user on User {\n    id\n    displayName\n    email\n    role\n    active\n    invitationPending\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow_apiToken\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        id\n        name\n        ...ApiTokenRow_apiToken\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      invitationUrl\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      invitationUrl\n      user {\n        id\n        displayName\n        ...UserRow_user\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UseUpdateUser_user on User {\n    id\n    displayName\n    role\n    active\n  }\n"): (typeof documents)["\n  fragment UseUpdateUser_user on User {\n    id\n    displayName\n    role\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        id\n        ...UseUpdateUser_user @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      user {\n        id\n        ...UseUpdateUser_user @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPage {\n    me {\n      id\n      email\n      role\n      ...DisplayNameForm_user\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    me {\n      id\n      email\n      role\n      ...DisplayNameForm_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisplayNameForm_user on User {\n    id\n    displayName\n  }\n"): (typeof documents)["\n  fragment DisplayNameForm_user on User {\n    id\n    displayName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionPage {\n    me {\n      id\n      role\n      ...UserMenu_user\n    }\n    authStatus {\n      setupRequired\n    }\n  }\n"): (typeof documents)["\n  query SessionPage {\n    me {\n      id\n      role\n      ...UserMenu_user\n    }\n    authStatus {\n      setupRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserMenu_user on User {\n    id\n    displayName\n    role\n  }\n"): (typeof documents)["\n  fragment UserMenu_user on User {\n    id\n    displayName\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteSetup($input: CompleteSetupInput!) {\n    completeSetup(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      user {\n        id\n        displayName\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMe($input: UpdateMeInput!) {\n    updateMe(input: $input) {\n      user {\n        id\n        displayName\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ColleagueChangeNotice_ticket on Ticket {\n    id\n    version\n    history(first: 25) {\n      edges {\n        node {\n          id\n          kind\n          at\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ColleagueChangeNotice_ticket on Ticket {\n    id\n    version\n    history(first: 25) {\n      edges {\n        node {\n          id\n          kind\n          at\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StatsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StatsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketLive($ticketId: ID!) {\n    ticketActivity(ticketId: $ticketId) {\n      kind\n      ticket {\n        id\n        ...TicketDetails_ticket\n        ...TicketEditForm_ticket\n        ...TicketAssignee_ticket\n        ...UseUpdateTicket_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n        ...TicketEventItem_event\n      }\n      note {\n        id\n        ...TicketNoteItem_note\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TicketLive($ticketId: ID!) {\n    ticketActivity(ticketId: $ticketId) {\n      kind\n      ticket {\n        id\n        ...TicketDetails_ticket\n        ...TicketEditForm_ticket\n        ...TicketAssignee_ticket\n        ...UseUpdateTicket_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n        ...TicketEventItem_event\n      }\n      note {\n        id\n        ...TicketNoteItem_note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TicketsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n        category\n        priority\n        status\n        createdAt\n        assignee {\n          id\n        }\n        ...TicketRow_ticket\n        ...TicketListOrder_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription TicketsLive {\n    ticketActivity {\n      kind\n      ticket {\n        id\n        category\n        priority\n        status\n        createdAt\n        assignee {\n          id\n        }\n        ...TicketRow_ticket\n        ...TicketListOrder_ticket\n      }\n      events {\n        id\n        actor {\n          ... on User {\n            id\n          }\n          ... on ApiToken {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActiveByAssigneeCard_stats on TicketStats {\n    activeByAssignee {\n      assignee {\n        id\n        displayName\n      }\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment ActiveByAssigneeCard_stats on TicketStats {\n    activeByAssignee {\n      assignee {\n        id\n        displayName\n      }\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BreakdownCharts_stats on TicketStats {\n    priorityBreakdown {\n      priority\n      count\n    }\n    categoryBreakdown {\n      category\n      count\n    }\n    statusBreakdown {\n      status\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment BreakdownCharts_stats on TicketStats {\n    priorityBreakdown {\n      priority\n      count\n    }\n    categoryBreakdown {\n      category\n      count\n    }\n    statusBreakdown {\n      status\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardPage($activeStatuses: [TicketStatus!]!) {\n    stats {\n      ...StatsSummary_stats @unmask\n      ...BreakdownCharts_stats @unmask\n      ...TicketsPerDayChart_stats @unmask\n      ...SuggestionAcceptanceCard_stats @unmask\n      ...ActiveByAssigneeCard_stats @unmask\n      ...TriageCard_stats @unmask\n    }\n    active: stats(filter: { statuses: $activeStatuses }) {\n      ...BreakdownCharts_stats @unmask\n    }\n  }\n"): (typeof documents)["\n  query DashboardPage($activeStatuses: [TicketStatus!]!) {\n    stats {\n      ...StatsSummary_stats @unmask\n      ...BreakdownCharts_stats @unmask\n      ...TicketsPerDayChart_stats @unmask\n      ...SuggestionAcceptanceCard_stats @unmask\n      ...ActiveByAssigneeCard_stats @unmask\n      ...TriageCard_stats @unmask\n    }\n    active: stats(filter: { statuses: $activeStatuses }) {\n      ...BreakdownCharts_stats @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatsSummary_stats on TicketStats {\n    totalTickets\n    openTickets\n    avgTicketsPerDay\n  }\n"): (typeof documents)["\n  fragment StatsSummary_stats on TicketStats {\n    totalTickets\n    openTickets\n    avgTicketsPerDay\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SuggestionAcceptanceCard_stats on TicketStats {\n    suggestionAcceptance {\n      acceptanceRate\n      accepted\n      overridden\n      suggested\n      byCategory {\n        category\n        acceptanceRate\n        accepted\n        suggested\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SuggestionAcceptanceCard_stats on TicketStats {\n    suggestionAcceptance {\n      acceptanceRate\n      accepted\n      overridden\n      suggested\n      byCategory {\n        category\n        acceptanceRate\n        accepted\n        suggested\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketsPerDayChart_stats on TicketStats {\n    ticketsPerDay(days: 30) {\n      day\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment TicketsPerDayChart_stats on TicketStats {\n    ticketsPerDay(days: 30) {\n      day\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TriageCard_stats on TicketStats {\n    triage(days: 30) {\n      days\n      since\n      suggested\n      accepted\n      overridden\n      acceptanceRate\n      byCategory {\n        category\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      byPriority {\n        priority\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      categoryOverrides {\n        suggested\n        chosen\n        count\n      }\n      priorityOverrides {\n        suggested\n        chosen\n        count\n      }\n      byConfidence {\n        band\n        from\n        to\n        suggested\n        accepted\n        acceptanceRate\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TriageCard_stats on TicketStats {\n    triage(days: 30) {\n      days\n      since\n      suggested\n      accepted\n      overridden\n      acceptanceRate\n      byCategory {\n        category\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      byPriority {\n        priority\n        suggested\n        accepted\n        overridden\n        acceptanceRate\n      }\n      categoryOverrides {\n        suggested\n        chosen\n        count\n      }\n      priorityOverrides {\n        suggested\n        chosen\n        count\n      }\n      byConfidence {\n        band\n        from\n        to\n        suggested\n        accepted\n        acceptanceRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActorName_actor on Actor {\n    ... on User {\n      id\n      displayName\n    }\n    ... on ApiToken {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ActorName_actor on Actor {\n    ... on User {\n      id\n      displayName\n    }\n    ... on ApiToken {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SimilarTickets_ticket on Ticket {\n    id\n    title\n    status\n    createdAt\n    assignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment SimilarTickets_ticket on Ticket {\n    id\n    title\n    status\n    createdAt\n    assignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketAssignee_ticket on Ticket {\n    id\n    title\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment TicketAssignee_ticket on Ticket {\n    id\n    title\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketDetailPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketDetails_ticket\n      ...TicketEditForm_ticket\n      ...TicketAssignee_ticket\n      ...TicketNotes_ticket\n      ...TicketTimeline_ticket\n    }\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query TicketDetailPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      ...TicketDetails_ticket\n      ...TicketEditForm_ticket\n      ...TicketAssignee_ticket\n      ...TicketNotes_ticket\n      ...TicketTimeline_ticket\n    }\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketDetails_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    status\n    createdAt\n    updatedAt\n    resolvedAt\n    version\n    createdBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    updatedBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n  }\n"): (typeof documents)["\n  fragment TicketDetails_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    status\n    createdAt\n    updatedAt\n    resolvedAt\n    version\n    createdBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    updatedBy {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketEditForm_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    version\n  }\n"): (typeof documents)["\n  fragment TicketEditForm_ticket on Ticket {\n    id\n    title\n    description\n    category\n    priority\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketEventItem_event on TicketEvent {\n    id\n    kind\n    at\n    field\n    from\n    to\n    actor {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n    note {\n      id\n      body\n    }\n    assignee {\n      id\n      displayName\n    }\n    previousAssignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment TicketEventItem_event on TicketEvent {\n    id\n    kind\n    at\n    field\n    from\n    to\n    actor {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n    suggestion {\n      category\n      priority\n      source\n      accepted\n    }\n    note {\n      id\n      body\n    }\n    assignee {\n      id\n      displayName\n    }\n    previousAssignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketNotes_ticket on Ticket {\n    id\n    notes(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketNoteItem_note\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TicketNotes_ticket on Ticket {\n    id\n    notes(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketNoteItem_note\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketNoteItem_note on TicketNote {\n    id\n    body\n    createdAt\n    author {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n  }\n"): (typeof documents)["\n  fragment TicketNoteItem_note on TicketNote {\n    id\n    body\n    createdAt\n    author {\n      ... on User {\n        id\n      }\n      ... on ApiToken {\n        id\n      }\n      ...ActorName_actor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketRow_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    createdAt\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment TicketRow_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    createdAt\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketRowExcerpt_ticket on Ticket {\n    excerpt(around: $search)\n  }\n"): (typeof documents)["\n  fragment TicketRowExcerpt_ticket on Ticket {\n    excerpt(around: $search)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketTimeline_ticket on Ticket {\n    id\n    history(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TicketTimeline_ticket on Ticket {\n    id\n    history(first: 25) {\n      edges {\n        cursor\n        node {\n          id\n          ...TicketEventItem_event\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketsPage($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {\n    tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          id\n          title\n          ...TicketRow_ticket\n          ...TicketRowExcerpt_ticket\n          ...TicketListOrder_ticket\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketsPage($filter: TicketFilter, $search: String, $first: Int, $after: String, $orderBy: TicketOrder) {\n    tickets(filter: $filter, search: $search, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      totalCountIsExact\n      edges {\n        cursor\n        node {\n          id\n          title\n          ...TicketRow_ticket\n          ...TicketRowExcerpt_ticket\n          ...TicketListOrder_ticket\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketsPageUsers {\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  query TicketsPageUsers {\n    assignableUsers {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartureList($filter: TicketFilter, $search: String) {\n    tickets(filter: $filter, search: $search, first: 25) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DepartureList($filter: TicketFilter, $search: String) {\n    tickets(filter: $filter, search: $search, first: 25) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          assignee {\n            id\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      fragment Changed on Ticket {\n        id\n        status\n        priority\n        category\n        createdAt\n        assignee {\n          id\n        }\n      }\n    "): (typeof documents)["\n      fragment Changed on Ticket {\n        id\n        status\n        priority\n        category\n        createdAt\n        assignee {\n          id\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SortedList($orderBy: TicketOrder) {\n    tickets(first: 25, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          updatedAt\n          assignee {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query SortedList($orderBy: TicketOrder) {\n    tickets(first: 25, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          status\n          priority\n          category\n          createdAt\n          updatedAt\n          assignee {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketListDeparture_ticket on Ticket {\n    id\n    status\n    priority\n    category\n    createdAt\n    assignee {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment TicketListDeparture_ticket on Ticket {\n    id\n    status\n    priority\n    category\n    createdAt\n    assignee {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TicketListOrder_ticket on Ticket {\n    id\n    priority\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment TicketListOrder_ticket on Ticket {\n    id\n    priority\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {\n    addTicketNote(ticketId: $ticketId, input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTicketNote($ticketId: ID!, $input: AddTicketNoteInput!) {\n    addTicketNote(ticketId: $ticketId, input: $input) {\n      note {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkUpdateTicketsVersion_ticket on Ticket {\n    id\n    version\n  }\n"): (typeof documents)["\n  fragment BulkUpdateTicketsVersion_ticket on Ticket {\n    id\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkUpdateTicketsBefore_ticket on Ticket {\n    id\n    category\n    priority\n    status\n    assignee {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment BulkUpdateTicketsBefore_ticket on Ticket {\n    id\n    category\n    priority\n    status\n    assignee {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {\n    bulkUpdateTickets(ids: $ids, input: $input) {\n      tickets {\n        # What a bulk change can change, and no text: up to 500 descriptions would\n        # make the answer's worst case too large for the server's response limit.\n        id\n        category\n        priority\n        status\n        version\n        assignee {\n          id\n          displayName\n        }\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkUpdateTickets($ids: [ID!]!, $input: BulkUpdateTicketsInput!) {\n    bulkUpdateTickets(ids: $ids, input: $input) {\n      tickets {\n        # What a bulk change can change, and no text: up to 500 descriptions would\n        # make the answer's worst case too large for the server's response limit.\n        id\n        category\n        priority\n        status\n        version\n        assignee {\n          id\n          displayName\n        }\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n        # Everything the detail page and the list rows read, so both render the new\n        # ticket from the cache.\n        ...TicketDetails_ticket @unmask\n        # What the plain list's rows show of the description (no search to centre on).\n        excerpt(around: null)\n        assignee {\n          id\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTicket($input: CreateTicketInput!) {\n    createTicket(input: $input) {\n      ticket {\n        id\n        # Everything the detail page and the list rows read, so both render the new\n        # ticket from the cache.\n        ...TicketDetails_ticket @unmask\n        # What the plain list's rows show of the description (no search to centre on).\n        excerpt(around: null)\n        assignee {\n          id\n          displayName\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketConflict($id: ID!, $after: String) {\n    ticket(id: $id) {\n      id\n      version\n      title\n      description\n      category\n      priority\n      status\n      updatedAt\n      resolvedAt\n      updatedBy {\n        ... on User {\n          id\n        }\n        ... on ApiToken {\n          id\n        }\n        ...ActorName_actor\n      }\n      history(first: 30, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketConflict($id: ID!, $after: String) {\n    ticket(id: $id) {\n      id\n      version\n      title\n      description\n      category\n      priority\n      status\n      updatedAt\n      resolvedAt\n      updatedBy {\n        ... on User {\n          id\n        }\n        ... on ApiToken {\n          id\n        }\n        ...ActorName_actor\n      }\n      history(first: 30, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            kind\n            at\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketHistoryMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      history(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketHistoryMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      history(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketEventItem_event\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TicketNotesMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      notes(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketNoteItem_note\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TicketNotesMore($id: ID!, $after: String!) {\n    ticket(id: $id) {\n      id\n      notes(first: 25, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            ...TicketNoteItem_note\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarTickets($text: String!) {\n    similarTickets(text: $text) {\n      ticket {\n        id\n        ...SimilarTickets_ticket\n      }\n    }\n  }\n"): (typeof documents)["\n  query SimilarTickets($text: String!) {\n    similarTickets(text: $text) {\n      ticket {\n        id\n        ...SimilarTickets_ticket\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClassifyDescription($description: String!) {\n    classifyDescription(description: $description) {\n      category\n      priority\n      source\n      confidence\n      reason\n      suggestionId\n    }\n  }\n"): (typeof documents)["\n  query ClassifyDescription($description: String!) {\n    classifyDescription(description: $description) {\n      category\n      priority\n      source\n      confidence\n      reason\n      suggestionId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UseUpdateTicket_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment UseUpdateTicket_ticket on Ticket {\n    id\n    title\n    category\n    priority\n    status\n    version\n    assignee {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UseUpdateTicketUser_user on User {\n    id\n    displayName\n  }\n"): (typeof documents)["\n  fragment UseUpdateTicketUser_user on User {\n    id\n    displayName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UseUpdateTicketResolvedAt_ticket on Ticket {\n    resolvedAt\n  }\n"): (typeof documents)["\n  fragment UseUpdateTicketResolvedAt_ticket on Ticket {\n    resolvedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $descriptionChanged: Boolean!) {\n    updateTicket(id: $id, input: $input) {\n      ticket {\n        id\n        ...UseUpdateTicket_ticket @unmask\n        description @include(if: $descriptionChanged)\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTicket($id: ID!, $input: UpdateTicketInput!, $descriptionChanged: Boolean!) {\n    updateTicket(id: $id, input: $input) {\n      ticket {\n        id\n        ...UseUpdateTicket_ticket @unmask\n        description @include(if: $descriptionChanged)\n        updatedAt\n        resolvedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteSavedView($id: ID!) {\n    deleteSavedView(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RenameSavedView($id: ID!, $name: String!) {\n    updateSavedView(id: $id, input: { name: $name }) {\n      savedView {\n        id\n        ...SavedView_view @unmask\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedView_view on SavedView {\n    id\n    name\n    search\n    orderBy\n    filter {\n      categories\n      priorities\n      statuses\n      createdAfter\n      createdBefore\n      suggestedCategories\n      suggestedPriorities\n      suggestionOutcomes\n      filedCategories\n      filedPriorities\n      suggestionConfidenceBands\n      assignee {\n        me\n        none\n        userIds\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SavedView_view on SavedView {\n    id\n    name\n    search\n    orderBy\n    filter {\n      categories\n      priorities\n      statuses\n      createdAfter\n      createdBefore\n      suggestedCategories\n      suggestedPriorities\n      suggestionOutcomes\n      filedCategories\n      filedPriorities\n      suggestionConfidenceBands\n      assignee {\n        me\n        none\n        userIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedViews {\n    savedViews {\n      id\n      ...SavedView_view @unmask\n    }\n  }\n"): (typeof documents)["\n  query SavedViews {\n    savedViews {\n      id\n      ...SavedView_view @unmask\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEndpointPage($endpointId: ID!, $first: Int!, $after: String) {\n    webhookEndpoints {\n      id\n      url\n      ...WebhookEndpointItem_endpoint\n    }\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookEndpointPage($endpointId: ID!, $first: Int!, $after: String) {\n    webhookEndpoints {\n      id\n      url\n      ...WebhookEndpointItem_endpoint\n    }\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooksPage {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n      ...WebhookEndpointItem_endpoint\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhooksPage {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n      ...WebhookEndpointItem_endpoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryItem_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    ticketId\n    status\n    attemptCount\n    createdAt\n    lastAttemptAt\n    lastStatusCode\n    nextAttemptAt\n    deliveredAt\n    attempts {\n      id\n      startedAt\n      finishedAt\n      statusCode\n      error\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryItem_delivery on WebhookDelivery {\n    id\n    eventId\n    eventType\n    ticketId\n    status\n    attemptCount\n    createdAt\n    lastAttemptAt\n    lastStatusCode\n    nextAttemptAt\n    deliveredAt\n    attempts {\n      id\n      startedAt\n      finishedAt\n      statusCode\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointItem_endpoint on WebhookEndpoint {\n    id\n    url\n    events\n    active\n    disabledAt\n    failingSince\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointItem_endpoint on WebhookEndpoint {\n    id\n    url\n    events\n    active\n    disabledAt\n    failingSince\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisabledWebhooks {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n    }\n  }\n"): (typeof documents)["\n  query DisabledWebhooks {\n    webhookEndpoints {\n      id\n      active\n      disabledAt\n      failingSince\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        id\n        ...WebhookDeliveryItem_delivery\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      endpoint {\n        id\n        ...WebhookEndpointItem_endpoint\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;