// GraphQL inputs of the identity feature. Declared as the API accepts them; the
// service validates every value (auth.validation.ts), once for GraphQL and REST.
import { Field, GraphQLISODateTime, InputType } from 'type-graphql';
import { ApiTokenScope } from './api-token.type.js';
import { UserRole } from './user.type.js';

@InputType({ description: 'An email and password.' })
export class SignInInput {
  @Field(() => String, { description: 'The email address (any case).' })
  email!: string;

  @Field(() => String, { description: 'The password.' })
  password!: string;
}

@InputType({ description: 'The first admin, created through the setup link the server logged.' })
export class CompleteSetupInput {
  @Field(() => String, { description: 'The `token` of the setup link.' })
  token!: string;

  @Field(() => String, { description: 'The admin’s email address.' })
  email!: string;

  @Field(() => String, { description: 'The name colleagues see.' })
  displayName!: string;

  @Field(() => String, { description: 'At least 10 characters, not a commonly used password.' })
  password!: string;
}

@InputType({ description: 'An invited person’s password (and name, if it needs correcting).' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The `token` of the invitation link.' })
  token!: string;

  @Field(() => String, { description: 'At least 10 characters, not a commonly used password.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'The name colleagues see; unchanged when omitted.' })
  displayName?: string | null;
}

@InputType({ description: 'A new user with a password chosen by the admin.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Their email address; unique, case-insensitive.' })
  email!: string;

  @Field(() => String, { description: 'The name colleagues see.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'What they may do.' })
  role!: UserRole;

  @Field(() => String, { description: 'At least 10 characters, not a commonly used password.' })
  password!: string;
}

@InputType({ description: 'A person to invite: they set their own password through a one-time link.' })
export class InviteUserInput {
  @Field(() => String, { description: 'Their email address; unique, case-insensitive.' })
  email!: string;

  @Field(() => String, { description: 'The name colleagues see.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'What they may do.' })
  role!: UserRole;
}

@InputType({ description: 'Changes to a user; omitted fields stay as they are.' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true, description: 'The name colleagues see.' })
  displayName?: string | null;

  @Field(() => UserRole, { nullable: true, description: 'What they may do. The last active admin cannot be demoted.' })
  role?: UserRole | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False deactivates: their sessions end and their tokens stop working within a second. The last active admin cannot be deactivated.',
  })
  active?: boolean | null;
}

@InputType({ description: 'Changes to one’s own profile.' })
export class UpdateMeInput {
  @Field(() => String, { nullable: true, description: 'The name colleagues see.' })
  displayName?: string | null;
}

@InputType({ description: 'A new password, proving the current one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password used now.' })
  currentPassword!: string;

  @Field(() => String, { description: 'At least 10 characters, not a commonly used password.' })
  newPassword!: string;
}

@InputType({ description: 'A new API token, acting for the admin who creates it.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What it is for (e.g. "CRM sync").' })
  name!: string;

  @Field(() => [ApiTokenScope], { description: 'What it may do: at least one scope.' })
  scopes!: ApiTokenScope[];

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working; omitted: never.' })
  expiresAt?: Date | null;
}
