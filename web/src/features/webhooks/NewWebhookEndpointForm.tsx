// Registering a webhook endpoint: its URL and the events it receives. The server
// makes the signing secret and answers it once, shown here with what to do with it:
// it cannot be shown again (deleting the endpoint and registering it anew makes
// another).
import { useId, useState, type FormEvent } from 'react';
import { CheckboxGroupField } from '../../common/form/CheckboxGroupField.js';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import type { WebhookEventType } from '../../gql/graphql.js';
import { OneTimeSecret } from '../admin/OneTimeSecret.js';
import { EVENT_TYPE_DESCRIPTION, EVENT_TYPE_LABEL, WEBHOOK_EVENT_TYPES } from './webhook-enums.js';
import { eventsProblem, webhookUrlProblem } from './webhook-url.js';
import { useCreateWebhookEndpoint } from './use-create-webhook-endpoint.js';

const FIELDS = ['url', 'events'] as const;

export function NewWebhookEndpointForm() {
  const formErrorsId = useId();
  const [createWebhookEndpoint] = useCreateWebhookEndpoint();
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const errors = useFieldErrors(FIELDS);
  const live = { url: webhookUrlProblem(url), events: eventsProblem(events) };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    setBusy(true);
    const outcome = await createWebhookEndpoint({ url: url.trim(), events });
    setBusy(false);
    if (!outcome.ok) return errors.refused(outcome.errors);
    setUrl('');
    setEvents([...WEBHOOK_EVENT_TYPES]);
    errors.reset();
    setCreated(outcome.value);
  }

  return (
    <section aria-labelledby="new-webhook-heading">
      <h2 id="new-webhook-heading">Register an endpoint</h2>
      {created ? (
        <OneTimeSecret title="Endpoint registered" label="Signing secret" secret={created.secret} onDone={() => setCreated(null)}>
          <p>
            Events for <code className="webhook-url">{created.url}</code> are signed with this secret.{' '}
            <strong>Copy it now: it will not be shown again.</strong> If it is lost, delete the endpoint and register it again.
          </p>
        </OneTimeSecret>
      ) : null}
      <form
        className="form"
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-labelledby="new-webhook-heading"
        aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
      >
        <FormErrors id={formErrorsId} title="The endpoint was not registered." errors={errors.formErrors} />
        <TextField
          label="URL"
          name="url"
          autoComplete="off"
          value={url}
          hint="Where the events are POSTed, such as https://example.com/hooks/tickets."
          error={errors.errorFor('url', live.url)}
          onChange={(value) => {
            setUrl(value);
            errors.edited('url');
          }}
          onBlur={() => errors.left('url')}
        />
        <CheckboxGroupField
          legend="Events"
          name="events"
          values={WEBHOOK_EVENT_TYPES}
          labels={EVENT_TYPE_LABEL}
          descriptions={EVENT_TYPE_DESCRIPTION}
          selected={events}
          error={errors.errorFor('events', live.events)}
          onChange={(next) => {
            setEvents(next);
            errors.edited('events');
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Registering…' : 'Register endpoint'}
          </button>
        </div>
      </form>
    </section>
  );
}
