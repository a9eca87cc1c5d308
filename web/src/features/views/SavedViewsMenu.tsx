// The signed-in person's saved views in the navigation, after "My tickets" and
// "Unassigned": a disclosure ("Views"), open with a click or Enter and closed by
// Escape (focus back on its button), a click elsewhere or leaving it with Tab, that
// lists each view as a link to the tickets list showing it, and where to rename or
// delete them. While the list shows a saved view, the button names it and its link
// is the current page.
import { Link } from 'react-router';
import { useDisclosure } from '../../common/use-disclosure.js';
import { savedViewHref } from './saved-view-url.js';
import { useActiveSavedView, useSavedViews } from './use-saved-views.js';
import './views.css';

export function SavedViewsMenu() {
  const { open, close, rootProps, buttonProps, panelId } = useDisclosure();
  // Listed when the menu opens; on the tickets list at once, to name the view showing.
  const active = useActiveSavedView();
  const { views, error, refetch } = useSavedViews({ skip: !open && active === undefined });

  return (
    <div className="views-menu" {...rootProps}>
      <button {...buttonProps} className={`button button--link views-menu__button${active ? ' active' : ''}`}>
        {active ? (
          <>
            View: <span className="views-menu__current">{active.name}</span>
          </>
        ) : (
          'Views'
        )}
      </button>
      <div id={panelId} className="views-menu__panel" hidden={!open}>
        {error && !views ? (
          <p className="views-menu__note">
            Your views could not be loaded.{' '}
            <button type="button" className="button button--link" onClick={() => void refetch()}>
              Retry
            </button>
          </p>
        ) : null}
        {views?.length === 0 ? <p className="views-menu__note">No saved views yet: use “Save view” on a ticket list.</p> : null}
        {views?.length ? (
          <ul className="views-menu__list" aria-label="Saved views">
            {views.map((view) => {
              const current = view.id === active?.id;
              return (
                <li key={view.id}>
                  <Link
                    to={savedViewHref(view)}
                    className={current ? 'active' : undefined}
                    aria-current={current ? 'page' : undefined}
                    onClick={close}
                  >
                    {view.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
        <Link className="views-menu__manage" to="/views" onClick={close}>
          Rename or delete views
        </Link>
      </div>
    </div>
  );
}
