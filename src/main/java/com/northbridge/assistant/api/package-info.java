/**
 * What every endpoint shares: the shape of an error reply and the mapping of failures to HTTP statuses.
 * Feature packages throw {@link com.northbridge.assistant.api.ApiException}; nothing here knows a feature.
 */
package com.northbridge.assistant.api;
