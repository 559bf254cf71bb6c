/**
 * Review: every red request and a sample of yellow turns become cases that compliance staff decide. Approval
 * of a transfer case books the transfer exactly once; four eyes: nobody decides a case they are party to.
 */
package com.northbridge.assistant.review;
