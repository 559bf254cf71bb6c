/**
 * What every endpoint shares: the shape of an error reply, the mapping of failures to HTTP statuses, and the checks
 * of text people send.
 * Feature packages throw {@link com.northbridge.assistant.api.ApiException}; nothing here knows a feature.
 */
package com.northbridge.assistant.api;
