import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useSession } from '../../../auth/session-context.js';
import { PageHeader } from '../../../components/page-header.js';
import { NotFoundPage } from '../../errors/not-found-page.js';
import { SubmissionReportLoader } from '../report/submission-report-loader.js';

/** `/exchange/submissions/:id`: one submission's report, followed live while it is processing. */
export function SubmissionDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { can } = useSession();
  if (!id) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t('exchange.submissions.detailTitle')}
        extra={
          <Link to="/exchange/submissions">
            <Button icon={<ArrowLeftOutlined />} data-testid="submission-back">
              {t('exchange.submissions.back')}
            </Button>
          </Link>
        }
      />
      <SubmissionReportLoader
        key={id}
        id={id}
        onReupload={
          can('submission.create')
            ? (type) => void navigate(`/exchange/upload?type=${encodeURIComponent(type)}`)
            : undefined
        }
      />
    </>
  );
}
