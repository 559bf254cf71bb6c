/**
 * Review: every red request and a sample of yellow turns become cases that compliance staff decide. Approval
 * of a transfer case books the transfer exactly once; four eyes: nobody decides a case they are party to.
 * The human-agent queue: staff answer handed-off customers in person (never through a model) and close the
 * hand-over; nobody answers their own conversation.
 */
package com.northbridge.assistant.review;
