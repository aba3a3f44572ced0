/*
 * OHIF v3 configuration for a Hozon archive (served as /app-config.js next to OHIF's dist/).
 * OhifIT serves this file with @DICOMWEB_ROOT@ replaced by the test server's DICOMweb root;
 * docs/conformance.md shows the same settings for users.
 */
window.config = {
  routerBasename: '/',
  extensions: [],
  modes: [],
  showStudyList: true,
  showWarningMessageForCrossOrigin: false,
  showCPUFallbackMessage: false,
  maxNumberOfWebWorkers: 2,
  defaultDataSourceName: 'hozon',
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'hozon',
      configuration: {
        friendlyName: 'Hozon',
        name: 'hozon',
        qidoRoot: '@DICOMWEB_ROOT@',
        wadoRoot: '@DICOMWEB_ROOT@',
        wadoUriRoot: '@DICOMWEB_ROOT@',
        qidoSupportsIncludeField: true,
        imageRendering: 'wadors',
        thumbnailRendering: 'thumbnail',
        thumbnailRequestStrategy: 'fetch',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: false,
        supportsWildcard: true,
        omitQuotationForMultipartRequest: true,
        bulkDataURI: { enabled: true },
      },
    },
  ],
};
