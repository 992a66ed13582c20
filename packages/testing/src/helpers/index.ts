export { locateContracts, type LocateContractsOptions } from './contracts-location';
export { rejectionOf, thrownBy, type ErrorClass } from './captured-errors';
