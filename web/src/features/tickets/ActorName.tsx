// Who wrote something (Ticket.createdBy, updatedBy): a person by their name, or an API
// token by its name, for what an integration did. Null: not recorded (written
// anonymously, or before sign-in existed). The parent selects each member's id beside
// the fragment, so the cache can find the object this component reads.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';

export const ActorNameFragment = graphql(`
  fragment ActorName_actor on Actor {
    ... on User {
      id
      displayName
    }
    ... on ApiToken {
      id
      name
    }
  }
`);

export function ActorName({ actor }: { actor: FragmentType<typeof ActorNameFragment> | null }) {
  if (!actor) return <>Not recorded</>;
  return <KnownActor actor={actor} />;
}

function KnownActor({ actor }: { actor: FragmentType<typeof ActorNameFragment> }) {
  const { data, complete } = useFragment({ fragment: ActorNameFragment, from: actor });
  if (!complete) return null;
  return data.__typename === 'ApiToken' ? <>API token {data.name}</> : <>{data.displayName}</>;
}
