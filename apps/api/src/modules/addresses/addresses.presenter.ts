/** What staff see of an address: no internal ids or RD metres, just what identifies and places it. */
export interface AddressView {
  postcode: string;
  number: number;
  addition: string;
  street: string;
  place: string;
  lat: number;
  lon: number;
}

export function presentAddress(a: {
  postcode: string;
  houseNumber: number;
  addition: string;
  street: string;
  place: string;
  lat: number;
  lon: number;
}): AddressView {
  return {
    postcode: a.postcode,
    number: a.houseNumber,
    addition: a.addition,
    street: a.street,
    place: a.place,
    lat: a.lat,
    lon: a.lon,
  };
}
