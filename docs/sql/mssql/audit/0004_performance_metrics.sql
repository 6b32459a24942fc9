-- audit.0004_performance_metrics (plan item 036): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model ProviderPerformanceSnapshot
CREATE TABLE [ProviderPerformanceSnapshots] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PeriodStart] date NOT NULL, [PeriodEnd] date NOT NULL, [RequestsReceived] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsReceived_a1b01620_check CHECK ([RequestsReceived] >= 0), [RequestsAccepted] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsAccepted_cba3c39b_check CHECK ([RequestsAccepted] >= 0), [RequestsDeclined] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsDeclined_3f10e5c0_check CHECK ([RequestsDeclined] >= 0), [RequestsExpired] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_RequestsExpired_3c9fd348_check CHECK ([RequestsExpired] >= 0), [Cancellations] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_Cancellations_9597e322_check CHECK ([Cancellations] >= 0), [OnTimeArrivals] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_OnTimeArrivals_897168ae_check CHECK ([OnTimeArrivals] >= 0), [LateArrivals] int NOT NULL CONSTRAINT ProviderPerformanceSnapshots_LateArrivals_fc7ae2b3_check CHECK ([LateArrivals] >= 0), [MedianResponseSeconds] int NULL CONSTRAINT ProviderPerformanceSnapshots_MedianResponseSeconds_fd08ac72_check CHECK ([MedianResponseSeconds] >= 0), [ComputedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [UX_ProviderPerf_Prov_Period] UNIQUE ([ProviderId], [PeriodStart], [PeriodEnd]), CONSTRAINT [CK_ProvPerf_Period] CHECK ([PeriodEnd] >= ([PeriodStart])));
GO
-- Deferred: indexes, unique indexes and foreign keys
ALTER TABLE [ProviderPerformanceSnapshots] ADD CONSTRAINT [ProviderPerformanceSnapshots_ProviderId_f3df1bc2_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
COMMIT TRANSACTION;
GO
