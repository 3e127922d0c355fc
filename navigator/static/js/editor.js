// The editor's live preview (the form works without this file: its Preview button posts).
// As the editor types, the form is sent to /editor/preview, which renders the page with
// the same code and sanitiser as the public page; the answer replaces the preview.
const form = document.getElementById('page-form')
const preview = document.getElementById('preview')

let timer
let ticket = 0
async function refresh () {
  const mine = ++ticket
  try {
    const response = await fetch(preview.dataset.previewUrl, {
      method: 'POST', body: new FormData(form), credentials: 'same-origin'
    })
    const type = response.headers.get('Content-Type') || ''
    if (!response.ok || !type.startsWith('text/html') || mine !== ticket) return
    preview.innerHTML = await response.text()
  } catch (error) {
    // Offline: the Save button still works and shows problems beside the fields.
  }
}

if (form && preview) {
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(refresh, 400)
  })
  form.addEventListener('change', () => {
    clearTimeout(timer)
    timer = setTimeout(refresh, 100)
  })
}
