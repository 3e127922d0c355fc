// Progressive enhancement: the navigator works without this file.
// With it, answering a question updates the conversation in place (no full page load),
// announces the new message to screen readers and moves focus to the new question.
import { initAll } from '../govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

const chat = document.getElementById('chat')
const announcer = document.getElementById('chat-announcer')

function announce (region) {
  // Urgent help first, then what was understood, then the next question or the result.
  const heading = region.querySelector('#urgent-help-heading') ||
    region.querySelector('#understood-heading') ||
    region.querySelector('#question .nav-question__text') ||
    region.querySelector('#result-heading')
  const error = region.querySelector('.govuk-error-summary')
  const target = error || heading
  if (announcer && heading) announcer.textContent = heading.textContent.trim()
  if (target) {
    target.setAttribute('tabindex', '-1')
    target.focus()
  }
}

async function send (form, submitter) {
  const body = new FormData(form)
  if (submitter && submitter.name) body.append(submitter.name, submitter.value)
  form.setAttribute('aria-busy', 'true')
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      headers: { 'X-Navigator-Chat': '1' },
      credentials: 'same-origin'
    })
    const contentType = response.headers.get('Content-Type') || ''
    if (!contentType.startsWith('text/html') || response.status >= 500) throw new Error('unexpected answer')
    const html = await response.text()
    if (!response.ok && !html.includes('data-chat-form') && !html.includes('nav-result')) throw new Error('not a chat')
    chat.innerHTML = html
    initAll({ scope: chat })
    announce(chat)
  } catch (error) {
    form.dataset.plain = 'true' // fall back to an ordinary form post
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined)
  }
}

function onSubmit (event) {
  const form = event.target.closest('form[data-chat-form]')
  if (!form || form.dataset.plain) return
  event.preventDefault()
  send(form, event.submitter)
}

if (chat) chat.addEventListener('submit', onSubmit)

// "Exit this page" leaves at once and, where the browser allows, without leaving this page
// in the back history: replace the current entry rather than add one.
document.addEventListener('click', (event) => {
  const exit = event.target.closest('.govuk-js-exit-this-page-button')
  if (!exit) return
  event.preventDefault()
  event.stopImmediatePropagation()
  window.location.replace(exit.href)
}, true)
