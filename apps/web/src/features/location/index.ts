/**
 * Places for staff (issue 13, item 3): the case's place and the map of open reports, each with a list when there is
 * no map; the monitoring's map of districts (issue 14), beside its table. (The resident's report form, with its address lookup and "already reported nearby?", is the server's:
 * modules/portal.) The only file of this feature that other features import. Leaflet is in its own chunk, loaded
 * only when a map is shown.
 */
export { CaseLocationMap } from './CaseLocationMap.tsx';
export { type DistrictFigure, DistrictsMap } from './DistrictsMap.tsx';
export { OpenReportsMap } from './OpenReportsMap.tsx';
