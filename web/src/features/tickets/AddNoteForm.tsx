// Adding an internal note to a ticket: plain text with a live character count against
// the server's limit; the server's refusals show at the field (field-errors.ts).
import { useId, useState, type FormEvent } from 'react';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { TICKET_NOTE_MAX } from '../../gql/limits.js';
import { noteProblem } from './ticket-validation.js';
import { useAddTicketNote } from './use-add-ticket-note.js';

const FIELDS = ['body'] as const;

export function AddNoteForm({ ticketId }: { ticketId: string }) {
  const formErrorsId = useId();
  const [body, setBody] = useState('');
  const errors = useFieldErrors(FIELDS);
  const [addTicketNote, { loading }] = useAddTicketNote();
  const live = noteProblem(body);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    errors.submitted();
    if (live) return focusField(form, 'body');
    errors.refused([]);
    const outcome = await addTicketNote(ticketId, body);
    if (!outcome.ok) return errors.refused(outcome.errors);
    setBody('');
    errors.reset();
  }

  return (
    <form
      className="form form--plain"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Add a note"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The note was not added." errors={errors.formErrors} />
      <TextField
        label="New note"
        name="body"
        rows={3}
        value={body}
        max={TICKET_NOTE_MAX}
        hint="Seen by agents only. Notes cannot be changed later: a correction is a new note."
        error={errors.errorFor('body', live)}
        onChange={(value) => {
          setBody(value);
          errors.edited('body');
        }}
        onBlur={() => errors.left('body')}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
