// Opens the passage a citation names (GET /api/knowledge/passages/{citationId}) in the page's <dialog id="passage">.
import {api} from './api.js';
import {t} from './i18n.js';

export async function openPassage(citation) {
  const dialog = document.getElementById('passage');
  const title = document.getElementById('passage-title');
  const where = document.getElementById('passage-where');
  const text = document.getElementById('passage-text');
  title.textContent = citation.citation || citation.documentTitle || citation.citationId;
  where.textContent = citation.sourcePath || '';
  text.textContent = t('passage.loading');
  dialog.dataset.citationId = citation.citationId;
  if (!dialog.open) dialog.showModal();
  try {
    const passage = await api(`/api/knowledge/passages/${encodeURIComponent(citation.citationId)}`);
    title.textContent = passage.citation;
    where.textContent = passage.sourcePath;
    text.textContent = passage.text;
  } catch (e) {
    text.textContent = e.status === 404 ? t('passage.missing') : t('error', {message: e.message});
  }
}
