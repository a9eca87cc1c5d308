// The payloads of the identity mutations: the result, or `userErrors` naming each field at fault.
import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/user-error.type.js';
import { ApiToken } from './api-token.type.js';
import { User } from './user.type.js';

@ObjectType({ description: 'The signed-in person, or why not.' })
export class SignInPayload {
  @Field(() => User, { nullable: true, description: 'The person now signed in; null when refused.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'Why it was refused (INVALID_CREDENTIALS, INVALID_LINK, field errors).' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of signing out.' })
export class SignOutPayload {
  @Field(() => Boolean, { description: 'True: the session has ended and its cookies are cleared.' })
  signedOut!: boolean;
}

@ObjectType({ description: 'A user after a change, or why it was refused.' })
export class UserPayload {
  @Field(() => User, { nullable: true, description: 'The user; null when refused.' })
  user!: User | null;

  @Field(() => [UserError], { description: 'Why it was refused, each naming its field.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'An invited user and the link to send them.' })
export class InviteUserPayload {
  @Field(() => User, { nullable: true, description: 'The new user (invitation pending); null when refused.' })
  user!: User | null;

  @Field(() => String, { nullable: true, description: 'The one-time link to send to the person (valid 7 days); shown this once.' })
  invitationUrl!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused, each naming its field.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'A new API token.' })
export class CreateApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The token’s description; null when refused.' })
  apiToken!: ApiToken | null;

  @Field(() => String, { nullable: true, description: 'The token itself: shown this once, never again.' })
  token!: string | null;

  @Field(() => [UserError], { description: 'Why it was refused, each naming its field.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'An API token after a change.' })
export class ApiTokenPayload {
  @Field(() => ApiToken, { nullable: true, description: 'The token; null when refused.' })
  apiToken!: ApiToken | null;

  @Field(() => [UserError], { description: 'Why it was refused.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'What the sign-in page needs to know before anyone signs in.' })
export class AuthStatus {
  @Field(() => Boolean, { description: 'True until the first admin exists: the setup link is in the server’s log.' })
  setupRequired!: boolean;
}
