export * from './spreadsheet.types';
export * from './detect-format';
export * from './read-spreadsheet';
