/**
 * Rijksdriehoeksmeting (RD New, EPSG:28992) to WGS84 degrees. The register delivers RD metres; maps want WGS84.
 * The seven-parameter datum shift (towgs84) is the one published with EPSG:28992 (accurate to about a metre,
 * enough for a map pin; RDNAPTRANS would be centimetres).
 */
import proj4 from 'proj4';

export const EPSG_28992 =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

/** Where RD coordinates lie (with a margin around the Netherlands); outside is a mistake in the file. */
export const RD_BOUNDS = { minX: 0, maxX: 300_000, minY: 289_000, maxY: 629_000 } as const;

const converter = proj4(EPSG_28992, 'WGS84');

export function rdToWgs84(x: number, y: number): { lat: number; lon: number } {
  const [lon, lat] = converter.forward([x, y]);
  return { lat: lat!, lon: lon! };
}

export function insideRd(x: number, y: number): boolean {
  return x >= RD_BOUNDS.minX && x <= RD_BOUNDS.maxX && y >= RD_BOUNDS.minY && y <= RD_BOUNDS.maxY;
}
