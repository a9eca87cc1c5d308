// The "New ticket" screen: the form, then the saved ticket's page.
import { useNavigate } from 'react-router';
import { NewTicketForm } from './NewTicketForm.js';
import { useDocumentTitle } from '../../common/use-document-title.js';

export function NewTicketPage() {
  const navigate = useNavigate();
  useDocumentTitle('New ticket');
  return (
    <div className="page page--narrow">
      <header className="page__header">
        <h1>New ticket</h1>
      </header>
      <NewTicketForm onCreated={(id, note) => navigate(`/tickets/${id}`, { state: { created: true, ...note } })} />
    </div>
  );
}
