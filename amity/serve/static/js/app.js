// The single-page shell: a hash router that renders one view at a time into <main>.
import { h } from './dom.js';
import { eventsView } from './views/events.js';
import { eventView } from './views/event.js';
import { personView } from './views/person.js';
import { orgView } from './views/org.js';
import { peopleView, orgsView } from './views/lists.js';
import { timelineView } from './views/timeline.js';
import { networkView } from './views/network.js';
import { matrixView } from './views/matrix.js';
// curation (issue 11): sign-in, edit tools, programmes
import { decorateEvent } from './curate/event.js';
import { decorator } from './curate/entity.js';
import { programView, programsView } from './curate/program.js';
import { newEventView, sessionLink, signinView } from './curate/session.js';
import { mapView } from './views/map.js';
import { glossaryView } from './views/glossary.js';

const ROUTES = {
  events: eventsView,
  event: eventView,
  person: personView,
  org: orgView,
  people: peopleView,
  orgs: orgsView,
  timeline: timelineView,
  network: networkView,
  matrix: matrixView,
  signin: signinView,
  'new-event': newEventView,
  programs: programsView,
  program: programView,
  map: mapView,
  glossary: glossaryView,
};
// run after a view has rendered: the edit tools and history of a record's page
const DECORATORS = { event: decorateEvent, person: decorator('person'), org: decorator('org') };

function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const cut = raw.indexOf('?');
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : raw.slice(cut + 1));
  const [name, id] = path.split('/');
  return { name: name || 'events', id: id ? decodeURIComponent(id) : null, params };
}

function errorBox(err) {
  const status = err && err.status ? `${err.status} · ` : '';
  return h('div', { class: 'error', role: 'alert' },
    h('h1', {}, err && err.status === 404 ? 'Not found' : 'Something went wrong'),
    h('p', {}, status, String((err && err.message) || err)),
    h('p', {}, h('a', { href: '#/events' }, 'Back to events')));
}

function start() {
  const main = document.getElementById('main');
  const nav = document.getElementById('nav');
  let generation = 0;

  async function render() {
    const current = ++generation;
    const { name, id, params } = parseHash(window.location.hash);
    const view = ROUTES[name];
    main.dataset.state = 'loading';
    main.dataset.view = name;
    for (const a of nav.querySelectorAll('a[data-route]')) {
      a.classList.toggle('active', a.dataset.route === name);
    }
    const node = h('div', { class: `view view-${name}` });
    try {
      if (!view) throw Object.assign(new Error(`no page called "${name}"`), { status: 404 });
      const title = await view(node, { id, params });
      if (DECORATORS[name]) await DECORATORS[name](node, { id, params });
      if (current !== generation) return;
      main.replaceChildren(node);
      document.title = title ? `${title} — amity` : 'amity';
      main.dataset.state = 'ready';
    } catch (err) {
      if (current !== generation) return;
      main.replaceChildren(errorBox(err));
      main.dataset.state = 'error';
    }
    window.scrollTo(0, 0);
  }

  window.addEventListener('hashchange', render);
  window.addEventListener('amity:refresh', render);
  const session = document.getElementById('session');
  window.addEventListener('amity:session', () => sessionLink(session));
  sessionLink(session);
  render();
}

start();
