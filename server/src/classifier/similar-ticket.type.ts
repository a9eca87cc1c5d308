// GraphQL type of a similar ticket: the ticket itself (status, age, and whatever else a
// client selects) and how similar it is.
import { Field, Float, ObjectType } from 'type-graphql';
import { Ticket } from '../tickets/ticket.type.js';

@ObjectType({ simpleResolvers: true, description: 'An existing ticket like the text given: a possible duplicate.' })
export class SimilarTicket {
  @Field(() => Ticket, { description: 'The ticket.' })
  ticket!: Ticket;

  @Field(() => Float, { description: 'Trigram similarity of the descriptions (0–1); only tickets above a threshold are answered.' })
  similarity!: number;
}
