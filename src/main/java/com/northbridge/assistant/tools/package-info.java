/**
 * The typed tools the model may call for account actions: balance lookup, form validation, transfer risk
 * check and transfer request. Every call goes through the risk gate first and is recorded with its result.
 */
package com.northbridge.assistant.tools;
