-- accounts.0010_service_provider_enhancements (plan item 012): SQL Server DDL
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
-- Add field slug to serviceprovider
ALTER TABLE [ServiceProviders] ADD [Slug] nvarchar(120) NULL;
GO
-- RunPython backfill_provider_slugs(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Alter field slug on serviceprovider
ALTER TABLE [ServiceProviders] ALTER COLUMN [Slug] nvarchar(120) NOT NULL;
GO
-- Add field headline to serviceprovider
ALTER TABLE [ServiceProviders] ADD [Headline] nvarchar(150) DEFAULT '' NOT NULL;
GO
-- Add field bio to serviceprovider
ALTER TABLE [ServiceProviders] ADD [Bio] nvarchar(max) DEFAULT '' NOT NULL;
GO
-- Add field years_of_experience to serviceprovider
ALTER TABLE [ServiceProviders] ADD [YearsOfExperience] smallint NULL CHECK ([YearsOfExperience] >= 0);
GO
-- Add field business_phone to serviceprovider
ALTER TABLE [ServiceProviders] ADD [BusinessPhone] nvarchar(32) DEFAULT '' NOT NULL;
GO
-- Add field website to serviceprovider
ALTER TABLE [ServiceProviders] ADD [Website] nvarchar(300) DEFAULT '' NOT NULL;
GO
-- Add field profile_image_file to serviceprovider, its foreign key NOT VALID
ALTER TABLE [ServiceProviders] ADD [ProfileImageFileId] char(32) NULL;
GO
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id] FOREIGN KEY ([ProfileImageFileId]) REFERENCES [StoredFiles] ([Id]);
GO
-- Add field time_zone to serviceprovider
ALTER TABLE [ServiceProviders] ADD [TimeZone] nvarchar(50) DEFAULT 'UTC' NOT NULL;
GO
-- Add field accepts_new_clients to serviceprovider
ALTER TABLE [ServiceProviders] ADD [AcceptsNewClients] bit DEFAULT 1 NOT NULL;
GO
-- Add field cancellation_policy to serviceprovider
ALTER TABLE [ServiceProviders] ADD [CancellationPolicy] nvarchar(10) DEFAULT 'Moderate' NOT NULL;
GO
-- Add field verification_status to serviceprovider
ALTER TABLE [ServiceProviders] ADD [VerificationStatus] nvarchar(30) DEFAULT 'NotStarted' NOT NULL;
GO
-- Add field verified_at to serviceprovider
ALTER TABLE [ServiceProviders] ADD [VerifiedAt] datetimeoffset NULL;
GO
-- Add field average_rating to serviceprovider
ALTER TABLE [ServiceProviders] ADD [AverageRating] numeric(3, 2) NULL;
GO
-- Add field review_count to serviceprovider
ALTER TABLE [ServiceProviders] ADD [ReviewCount] int DEFAULT 0 NOT NULL CHECK ([ReviewCount] >= 0);
GO
-- Add field completed_appointment_count to serviceprovider
ALTER TABLE [ServiceProviders] ADD [CompletedAppointmentCount] int DEFAULT 0 NOT NULL CHECK ([CompletedAppointmentCount] >= 0);
GO
-- Add field is_active to serviceprovider
ALTER TABLE [ServiceProviders] ADD [IsActive] bit DEFAULT 1 NOT NULL;
GO
-- Create constraint CK_Providers_Rating NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Rating] CHECK (([AverageRating] IS NULL OR ([AverageRating] >= 1 AND [AverageRating] <= 5)));
GO
-- Create constraint CK_Providers_Policy NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Policy] CHECK ([CancellationPolicy] IN ('Flexible', 'Moderate', 'Strict'));
GO
-- Create constraint CK_Providers_VerifStatus NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_VerifStatus] CHECK ([VerificationStatus] IN ('NotStarted', 'Pending', 'InReview', 'Approved', 'Rejected', 'ResubmissionRequested', 'Expired'));
GO
COMMIT TRANSACTION;
GO
