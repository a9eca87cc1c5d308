// An endpoint's settings on its page: where it stands (with the reason it was turned
// off), turning it off and back on, changing its URL and events, and deleting it
// with its delivery log after confirming.
import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CheckboxGroupField } from '../../common/form/CheckboxGroupField.js';
import { focusField } from '../../common/form/focus-field.js';
import { FormErrors } from '../../common/form/FormErrors.js';
import { TextField } from '../../common/form/TextField.js';
import { useFieldErrors } from '../../common/form/use-field-errors.js';
import { refusalText } from '../../common/mutation-outcome.js';
import type { WebhookEventType } from '../../gql/graphql.js';
import { endpointState } from './webhook-endpoint-state.js';
import { EVENT_TYPE_DESCRIPTION, EVENT_TYPE_LABEL, WEBHOOK_EVENT_TYPES } from './webhook-enums.js';
import { eventsProblem, webhookUrlProblem } from './webhook-url.js';
import { WebhookEndpointItemFragment } from './WebhookEndpointItem.js';
import { useDeleteWebhookEndpoint } from './use-delete-webhook-endpoint.js';
import { useUpdateWebhookEndpoint } from './use-update-webhook-endpoint.js';

const FIELDS = ['url', 'events'] as const;

interface Props {
  endpoint: FragmentType<typeof WebhookEndpointItemFragment>;
  /** The endpoint was deleted: its page has nothing left to show. */
  onDeleted(): void;
}

export function WebhookEndpointSettings({ endpoint, onDeleted }: Props) {
  const { data, complete } = useFragment({ fragment: WebhookEndpointItemFragment, from: endpoint });
  const [updateWebhookEndpoint, { loading: updating }] = useUpdateWebhookEndpoint();
  const [deleteWebhookEndpoint, { loading: deleting }] = useDeleteWebhookEndpoint();
  const [problem, setProblem] = useState<string | null>(null);
  const [switched, setSwitched] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  if (!complete) return null;
  const endpointId = data.id;
  const state = endpointState(data);

  async function switchTo(active: boolean) {
    setProblem(null);
    setSwitched(null);
    const outcome = await updateWebhookEndpoint(endpointId, { active });
    if (!outcome.ok) setProblem(refusalText('Endpoint', outcome.errors));
    else setSwitched(active ? 'Turned on: its waiting deliveries resume.' : 'Turned off: deliveries wait until it is turned back on.');
  }

  async function remove() {
    setProblem(null);
    const outcome = await deleteWebhookEndpoint(endpointId);
    setConfirming(false);
    if (!outcome.ok) setProblem(`Endpoint not deleted: ${outcome.errors.map((e) => e.message).join(' ') || 'the server refused it.'}`);
    else onDeleted();
  }

  return (
    <section aria-labelledby="webhook-settings-heading" className="webhook-settings">
      <h2 id="webhook-settings-heading">Settings</h2>
      <div className={`callout ${state.kind === 'disabled' ? 'callout--warning' : 'callout--info'} webhook-state`}>
        <p>
          <span className={`badge badge--${state.badge}`}>{state.label}</span> {state.reason ?? 'Events are delivered as they happen.'}
        </p>
        <div className="form__actions">
          <button type="button" className="button" disabled={updating} onClick={() => void switchTo(!data.active)}>
            {data.active ? 'Turn off' : 'Turn on'}
          </button>
        </div>
        <p role="status">{switched ?? ''}</p>
      </div>
      {problem ? (
        <p className="row-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <EndpointForm endpointId={endpointId} url={data.url} events={data.events} />
      <div className="webhook-settings__delete">
        {confirming ? (
          <div className="confirm" role="group" aria-label="Delete this endpoint?">
            <p>Delete this endpoint and its delivery log? Events stop being sent to it at once.</p>
            <button type="button" className="button button--danger" ref={confirmButton} disabled={deleting} onClick={() => void remove()}>
              {deleting ? 'Deleting…' : 'Delete endpoint'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="button button--danger" ref={deleteButton} onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
    </section>
  );
}

interface Draft {
  url: string;
  events: WebhookEventType[];
}

function EndpointForm({
  endpointId,
  url: savedUrl,
  events: savedEvents,
}: {
  endpointId: string;
  url: string;
  events: readonly WebhookEventType[];
}) {
  const formErrorsId = useId();
  const [updateWebhookEndpoint, { loading }] = useUpdateWebhookEndpoint();
  // Until the administrator changes something, the form shows the endpoint as saved.
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors(FIELDS);
  const savedDraft: Draft = { url: savedUrl, events: WEBHOOK_EVENT_TYPES.filter((type) => savedEvents.includes(type)) };
  const { url, events } = draft ?? savedDraft;
  const live = { url: webhookUrlProblem(url), events: eventsProblem(events) };

  function edit(field: (typeof FIELDS)[number], next: Draft) {
    setDraft(next);
    setSaved(false);
    errors.edited(field);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    errors.submitted();
    setSaved(false);
    const invalid = FIELDS.find((field) => live[field]);
    if (invalid) return focusField(event.currentTarget, invalid);
    errors.refused([]);
    const changedUrl = url.trim() !== savedDraft.url;
    const changedEvents = events.join() !== savedDraft.events.join();
    if (changedUrl || changedEvents) {
      const outcome = await updateWebhookEndpoint(endpointId, {
        ...(changedUrl && { url: url.trim() }),
        ...(changedEvents && { events }),
      });
      if (!outcome.ok) return errors.refused(outcome.errors);
    }
    setDraft(null);
    errors.reset();
    setSaved(true);
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label="Endpoint settings"
      aria-describedby={errors.formErrors.length ? formErrorsId : undefined}
    >
      <FormErrors id={formErrorsId} title="The changes were not saved." errors={errors.formErrors} />
      <TextField
        label="URL"
        name="url"
        autoComplete="off"
        value={url}
        error={errors.errorFor('url', live.url)}
        onChange={(value) => edit('url', { url: value, events })}
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
        onChange={(next) => edit('events', { url, events: next })}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save changes'}
        </button>
        {/* Always there, so screen readers hear when it fills. */}
        <span role="status" className="form__status">
          {saved ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
