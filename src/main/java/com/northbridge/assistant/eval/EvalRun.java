package com.northbridge.assistant.eval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An evaluation run started over REST, and its reports once it is done. */
@Entity
@Table(name = "eval_run")
public class EvalRun extends PanacheEntityBase {

    @Id
    public UUID id;
    public String status;
    @Column(name = "requested_by")
    public String requestedBy;
    public String[] suites;
    public int repeat;
    public int concurrency;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String target;
    public String model;
    @Column(name = "pass_rate")
    public Double passRate;
    public String error;
    @JdbcTypeCode(SqlTypes.JSON)
    public String report;
    public String markdown;
    public String html;
}
