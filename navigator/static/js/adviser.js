// The call screen, enhanced (it works without this file: every form posts and reloads).
// - Changing an answer updates the pathways at once, keeping focus where it is.
// - "/" focuses search from anywhere; results appear as you type; arrows choose, Enter opens.
// - "Copy the summary" puts the case-notes text on the clipboard.

const answers = document.getElementById('call-answers')
const results = document.getElementById('call-results')
const announcer = document.getElementById('call-announcer')
const search = document.getElementById('adviser-search')
const list = document.getElementById('adviser-search-results')
const searchStatus = document.getElementById('adviser-search-status')

function debounce (fn, wait) {
  let timer
  return (...args) => {
    clearTimeout(timer)
    timer = setTimeout(() => fn(...args), wait)
  }
}

// ---- answers -> pathways ---------------------------------------------------------------

// "Not needed with these answers" is for an answer the others make unnecessary, not for a
// question the call has not reached yet.
function answered (group) {
  if (group.querySelector('input:checked')) return true
  return [...group.querySelectorAll('input[type="text"], input:not([type]), textarea')].some(field => field.value.trim())
}

function applyState () {
  const state = document.getElementById('call-state')
  if (!state) return
  const asked = new Set(state.dataset.asked.split(' ').filter(Boolean))
  for (const group of answers.querySelectorAll('[data-question]')) {
    const id = group.dataset.question
    const stateName = asked.has(id) ? 'asked' : (id === state.dataset.next ? 'next' : (answered(group) ? 'off' : 'later'))
    group.classList.remove('nav-call-question--asked', 'nav-call-question--next', 'nav-call-question--off', 'nav-call-question--later')
    group.classList.add('nav-call-question--' + stateName)
  }
}

// Urgent help arrives with the results but belongs at the top of the screen.
function showUrgentAtTop () {
  const top = document.getElementById('call-urgent')
  const arrived = document.getElementById('call-urgent-update')
  if (!top || !arrived) return
  const wasEmpty = !top.querySelector('#urgent-help')
  top.replaceChildren(...arrived.childNodes)
  arrived.remove()
  if (wasEmpty && top.querySelector('#urgent-help')) top.querySelector('#urgent-help-heading').focus()
}

let sending = 0
async function update () {
  const ticket = ++sending
  answers.setAttribute('aria-busy', 'true')
  try {
    const response = await fetch(answers.action, {
      method: 'POST',
      body: new FormData(answers),
      headers: { 'X-Navigator-Call': '1' },
      credentials: 'same-origin'
    })
    const type = response.headers.get('Content-Type') || ''
    if (!type.startsWith('text/html') || response.redirected) throw new Error('unexpected answer')
    const html = await response.text()
    if (ticket !== sending) return // a later change is on its way
    results.innerHTML = html
    showUrgentAtTop()
    applyState()
    bindCopy()
    // Words come from the page (data-*), so they are in the adviser's language.
    announcer.textContent = response.ok ? announcer.dataset.updated : announcer.dataset.problem
  } catch (error) {
    answers.submit() // fall back to the ordinary form post
  } finally {
    answers.removeAttribute('aria-busy')
  }
}

if (answers && results) {
  const soon = debounce(update, 120)
  answers.addEventListener('change', soon)
  answers.addEventListener('input', (event) => {
    if (event.target.type === 'text' || event.target.type === 'date') debounce(update, 400)()
  })
  answers.addEventListener('submit', (event) => {
    event.preventDefault()
    update()
  })
  answers.querySelector('button[type="submit"]')?.classList.add('nav-js-hidden')
}

// ---- copy the summary ------------------------------------------------------------------

function bindCopy () {
  const button = document.getElementById('copy-summary')
  const note = document.getElementById('case-note')
  const status = document.getElementById('copy-status')
  if (!button || !note) return
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(note.value)
    } catch (error) {
      note.select()
      document.execCommand('copy')
    }
    status.textContent = status.dataset.copied
  })
}
bindCopy()

// ---- search as you type ----------------------------------------------------------------

let options = []
let active = -1

function setActive (index) {
  options.forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'))
  active = index
  if (index >= 0) {
    search.setAttribute('aria-activedescendant', options[index].id)
    options[index].scrollIntoView({ block: 'nearest' })
  } else {
    search.removeAttribute('aria-activedescendant')
  }
}

function close () {
  list.hidden = true
  search.setAttribute('aria-expanded', 'false')
  setActive(-1)
}

function show (found) {
  list.replaceChildren()
  options = found.map((result, i) => {
    const item = document.createElement('li')
    item.id = 'adviser-search-option-' + i
    item.setAttribute('role', 'option')
    item.className = 'nav-live-results__option'
    item.dataset.url = result.url
    const kind = document.createElement('span')
    kind.className = 'govuk-tag govuk-tag--grey'
    kind.textContent = result.kind
    const title = document.createElement('span')
    title.className = 'nav-live-results__title'
    title.textContent = ' ' + result.title
    item.append(kind, title)
    item.addEventListener('mousedown', (event) => {
      event.preventDefault()
      window.location.assign(result.url)
    })
    list.append(item)
    return item
  })
  list.hidden = options.length === 0
  search.setAttribute('aria-expanded', options.length ? 'true' : 'false')
  searchStatus.textContent = searchStatus.dataset.found + ' ' + options.length
  setActive(-1)
}

async function lookUp () {
  const query = search.value.trim()
  if (!query) return close()
  try {
    const response = await fetch(search.dataset.searchUrl + '?q=' + encodeURIComponent(query), { credentials: 'same-origin' })
    if (!response.ok) return
    const body = await response.json()
    if (body.query === search.value.trim()) show(body.results)
  } catch (error) {
    // Offline or signed out: the Search button still works.
  }
}

if (search && list) {
  search.setAttribute('role', 'combobox')
  search.setAttribute('aria-autocomplete', 'list')
  search.setAttribute('aria-controls', list.id)
  search.setAttribute('aria-expanded', 'false')
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', list.dataset.label)
  search.addEventListener('input', debounce(lookUp, 150))
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && options.length) {
      event.preventDefault()
      setActive((active + 1) % options.length)
    } else if (event.key === 'ArrowUp' && options.length) {
      event.preventDefault()
      setActive(active <= 0 ? options.length - 1 : active - 1)
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault()
      window.location.assign(options[active].dataset.url)
    } else if (event.key === 'Escape') {
      close()
    }
  })
  search.addEventListener('blur', () => setTimeout(close, 150))
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest('input, textarea, select, [contenteditable]')
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault()
      search.focus()
      search.select()
    }
  })
}
