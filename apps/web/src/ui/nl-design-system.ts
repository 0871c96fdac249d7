/**
 * The NL Design System components this app uses, each from its own CSS package, at the versions that
 * @utrecht/component-library-css 9.0.4 bundles. That bundle holds every component (370 kB); these are about a
 * third of it. A page that starts using another component adds its package here and to package.json.
 */
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/alert-dialog-css/dist/index.css';
import '@utrecht/body-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/code-css/dist/index.css';
import '@utrecht/data-badge-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/heading-4-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/link-list-css/dist/index.css';
import '@utrecht/nav-bar-css/dist/index.css';
import '@utrecht/nav-list-css/dist/index.css';
import '@utrecht/page-body-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/page-layout-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/root-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/separator-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/status-badge-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
