/**
 * Places (issue 13, items 3 and 4): the location field of a report form (address lookup, the map when one is
 * configured, "already reported nearby?" with following), the case's place for staff and the map of open reports.
 * The only file of this feature that other features import. Leaflet is in its own chunk, loaded only when a
 * map is shown.
 */
export { CaseLocationMap } from './CaseLocationMap.tsx';
export {
  LOCATION_FIELD_ID,
  LocationField,
  type LocationFieldProps,
  type LocationValue,
} from './LocationField.tsx';
export { OpenReportsMap } from './OpenReportsMap.tsx';
